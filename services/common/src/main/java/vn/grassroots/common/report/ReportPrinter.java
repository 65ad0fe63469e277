package vn.grassroots.common.report;

import com.lowagie.text.pdf.BaseFont;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts the printable reports of a service (báo cáo), all in one look: A4, a TrueType font that has the Vietnamese
 * letters (DejaVu Sans from the system by default; the PDF's built-in fonts would drop them), the same header, tables
 * and charts. The fonts are read once.
 */
@ApplicationScoped
public class ReportPrinter {
    private static final Logger LOG = Logger.getLogger(ReportPrinter.class);

    static {
        // Charts are drawn with AWT into an image: there is no display on a server.
        System.setProperty("java.awt.headless", "true");
    }

    private final String fontPath;
    private final String boldFontPath;

    public ReportPrinter(@ConfigProperty(name = "grassroots.pdf.font", defaultValue = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") String fontPath,
            @ConfigProperty(name = "grassroots.pdf.bold-font", defaultValue = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf") String boldFontPath) {
        this.fontPath = fontPath;
        this.boldFontPath = boldFontPath;
    }

    private volatile Fonts fonts;

    /** The fonts of a report: PDF text and chart text from the same files. */
    record Fonts(BaseFont normal, BaseFont bold, java.awt.Font chart, java.awt.Font chartBold) {}

    /**
     * A new report issued by {@code issuer} (the organization whose report it is, printed top left), titled
     * {@code title}, with {@code lines} under the title (scope, period, source).
     */
    public PrintedReport start(String issuer, String title, List<String> lines) {
        return new PrintedReport(fonts(), issuer, title, lines);
    }

    private Fonts fonts() {
        Fonts f = fonts;
        if (f == null) {
            f = new Fonts(pdfFont(fontPath), pdfFont(boldFontPath), awtFont(fontPath, java.awt.Font.PLAIN),
                    awtFont(boldFontPath, java.awt.Font.BOLD));
            fonts = f;
        }
        return f;
    }

    private static BaseFont pdfFont(String path) {
        try {
            if (Files.isReadable(Path.of(path))) {
                return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            LOG.warnf("font %s not found: PDFs fall back to Helvetica, which lacks Vietnamese letters", path);
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("font " + path + " cannot be read", e);
        }
    }

    private static java.awt.Font awtFont(String path, int style) {
        try {
            if (Files.isReadable(Path.of(path))) {
                return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new File(path));
            }
        } catch (Exception e) {
            LOG.warnf("font %s cannot be read for charts: %s", path, e);
        }
        return new java.awt.Font(java.awt.Font.SANS_SERIF, style, 10);
    }
}
