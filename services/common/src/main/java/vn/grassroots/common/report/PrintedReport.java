package vn.grassroots.common.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.ws.rs.core.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import vn.grassroots.common.time.VietnamClock;

/**
 * One printable report being written: a header as Party documents have it (the issuing organization left, "ĐẢNG CỘNG
 * SẢN VIỆT NAM" and the date right), a title, then sections of sentences, tables and charts; pages numbered.
 */
public final class PrintedReport {
    private static final float WIDTH = PageSize.A4.getWidth() - 80;
    private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);

    private final ReportPrinter.Fonts fonts;
    private final Font normal;
    private final Font bold;
    private final Font italic;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
    private final FontMapper fontMapper;
    private PdfWriter writer;

    PrintedReport(ReportPrinter.Fonts fonts, String issuer, String title, List<String> lines) {
        this.fonts = fonts;
        normal = new Font(fonts.normal(), 10);
        bold = new Font(fonts.bold(), 10);
        italic = new Font(fonts.normal(), 9, Font.ITALIC);
        // Chart text in the report's fonts, which have the Vietnamese letters (the default mapper's encoding has not).
        fontMapper = new FontMapper() {
            @Override
            public BaseFont awtToPdf(java.awt.Font font) {
                return font.isBold() || font.getFontName().contains("Bold") ? fonts.bold() : fonts.normal();
            }

            @Override
            public java.awt.Font pdfToAwt(BaseFont font, int size) {
                return fonts.chart().deriveFont((float) size);
            }
        };
        try {
            writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            HeaderFooter footer = new HeaderFooter(new Phrase("Trang ", new Font(fonts.normal(), 8)), true);
            footer.setAlignment(Element.ALIGN_CENTER);
            footer.setBorder(Rectangle.NO_BORDER);
            doc.setFooter(footer);
            doc.open();
            LocalDate today = LocalDate.now(VietnamClock.ZONE);
            PdfPTable head = new PdfPTable(2);
            head.setWidthPercentage(100);
            head.addCell(plain(new Phrase(issuer.toUpperCase(java.util.Locale.forLanguageTag("vi")), bold), Element.ALIGN_CENTER));
            Paragraph right = new Paragraph("ĐẢNG CỘNG SẢN VIỆT NAM", bold);
            right.add(new Phrase("\nngày " + today.getDayOfMonth() + " tháng " + today.getMonthValue() + " năm " + today.getYear(), italic));
            head.addCell(plain(right, Element.ALIGN_CENTER));
            doc.add(head);
            Paragraph t = new Paragraph(title, new Font(fonts.bold(), 14));
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingBefore(18);
            t.setSpacingAfter(4);
            doc.add(t);
            for (String line : lines) {
                Paragraph p = new Paragraph(line, italic);
                p.setAlignment(Element.ALIGN_CENTER);
                doc.add(p);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the PDF could not be started", e);
        }
    }

    private static PdfPCell plain(Phrase content, int align) {
        PdfPCell c = new PdfPCell(content);
        c.setBorder(Rectangle.NO_BORDER);
        c.setHorizontalAlignment(align);
        return c;
    }

    /** A numbered heading: "I. Đảng viên". */
    public PrintedReport section(String name) {
        Paragraph p = new Paragraph(name, new Font(fonts.bold(), 11));
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        return add(p);
    }

    public PrintedReport sentence(String text) {
        Paragraph p = new Paragraph("– " + text, normal);
        p.setIndentationLeft(10);
        return add(p);
    }

    public PrintedReport note(String text) {
        return add(new Paragraph(text, italic));
    }

    /** A figure (1.234, 57,63 %, –) goes right, like numbers in a ledger; words go left. */
    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern.compile("[-–]?[\\d.,]*( %)?|[\\d.,]+\n[\\d.,]+ %");

    /** A table: the first column names the row; figures are set right, words left. */
    public PrintedReport table(List<String> headers, List<List<String>> rows) {
        PdfPTable t = new PdfPTable(headers.size());
        t.setWidthPercentage(100);
        float[] widths = new float[headers.size()];
        Arrays.fill(widths, 1f);
        widths[0] = Math.max(2f, (headers.size() - 1) / 2.5f);
        try {
            t.setWidths(widths);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        t.setHeaderRows(1);
        t.setSpacingBefore(4);
        for (String h : headers) {
            PdfPCell c = cell(h, bold, Element.ALIGN_CENTER);
            c.setBackgroundColor(HEAD);
            t.addCell(c);
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                boolean figure = i > 0 && FIGURE.matcher(row.get(i)).matches();
                t.addCell(cell(row.get(i), normal, figure ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
        }
        return add(t);
    }

    private static PdfPCell cell(String text, Font f, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        c.setPadding(3);
        c.setHorizontalAlignment(align);
        return c;
    }

    /**
     * A chart the width of the page, drawn as vectors into the PDF with the report's fonts: its text stays text (found
     * by a search, read by a text extractor) and it costs a fraction of a raster image (no pixels, no PNG encoding).
     */
    public PrintedReport chart(Charts.Chart chart) {
        JFreeChart drawn = chart.draw(fonts.chart(), fonts.chartBold());
        float w = WIDTH;
        int h = chart.height();
        PdfTemplate canvas = writer.getDirectContent().createTemplate(w, h);
        Graphics2D g = canvas.createGraphics(w, h, fontMapper);
        try {
            drawn.draw(g, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g.dispose();
        }
        try {
            Image img = Image.getInstance(canvas);
            img.setAlignment(Image.MIDDLE);
            img.setSpacingBefore(6);
            return add(img);
        } catch (Exception e) {
            throw new IllegalStateException("the chart could not be drawn", e);
        }
    }

    private PrintedReport add(Element e) {
        try {
            doc.add(e);
        } catch (Exception ex) {
            throw new IllegalStateException("the PDF could not be written", ex);
        }
        return this;
    }

    /** The answer carrying a printed report, shown in the browser (inline) under {@code fileName}. */
    public static Response response(byte[] pdf, String fileName) {
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }

    public byte[] finish() {
        doc.close();
        return out.toByteArray();
    }
}
