package vn.grassroots.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A printed report as a reader sees it: its text, extracted by PDFBox, and its first page rendered to
 * {@code target/report-previews/<name>.png}, kept with the build for a reviewer to look at; and how many charts its
 * pages show.
 */
public record PrintedPdf(String text, int pages, int charts) {

    public static PrintedPdf read(byte[] pdf, String name) {
        System.setProperty("java.awt.headless", "true");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage first = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Path dir = Path.of("target", "report-previews");
            Files.createDirectories(dir);
            ImageIO.write(first, "png", dir.resolve(name + ".png").toFile());
            // One space for every run of spaces and line breaks: a table cell or a sentence may wrap anywhere.
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            return new PrintedPdf(text, doc.getNumberOfPages(), charts(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The charts: what a page draws from an XObject (a chart is drawn as a form of vectors, or as an image). */
    public static int charts(PDDocument doc) throws IOException {
        int charts = 0;
        for (PDPage page : doc.getPages()) {
            for (COSName x : page.getResources().getXObjectNames()) {
                charts++;
            }
        }
        return charts;
    }

    public boolean contains(String s) {
        return text.contains(s);
    }
}
