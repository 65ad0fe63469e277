package vn.grassroots.evaluations.service;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.grassroots.evaluations.api.Views;

/**
 * The printable report of a cycle (báo cáo kết quả đánh giá, xếp loại): the summary tables of its scope and year. Text
 * is set in a TrueType font that has the Vietnamese letters (DejaVu Sans from the system by default): the PDF's
 * built-in fonts would drop them.
 */
@ApplicationScoped
public class PdfReport {
    private static final Logger LOG = Logger.getLogger(PdfReport.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @ConfigProperty(name = "grassroots.pdf.font", defaultValue = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    String fontPath;

    @ConfigProperty(name = "grassroots.pdf.bold-font", defaultValue = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    String boldFontPath;

    @Inject
    CycleService cycles;

    @Inject
    ReportService reports;

    public byte[] cycle(UUID cycleId) {
        CycleService.Cycle c = cycles.readable(cycleId);
        Views.CycleView cv = cycles.view(c);
        Views.Summary s = reports.summary(c.scopeOrgId(), c.year(), c.id());
        try {
            Font normal = new Font(font(fontPath), 10);
            Font bold = new Font(font(boldFontPath), 10);
            Font title = new Font(font(boldFontPath), 14);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(c.name());
            doc.open();
            Paragraph head = new Paragraph("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM " + c.year(), title);
            head.setAlignment(Element.ALIGN_CENTER);
            doc.add(head);
            doc.add(new Paragraph(c.name(), bold));
            doc.add(new Paragraph("Phạm vi: " + (cv.scopeOrganizationName() == null ? c.scopeOrgId() : cv.scopeOrganizationName())
                    + " · Quy định: " + cv.policyCode() + " · Trạng thái: " + (c.state().equals("OPEN") ? "đang đánh giá" : "đã kết thúc")
                    + " · Mở ngày " + DAY.format(c.openedAt()), normal));
            doc.add(new Paragraph(" ", normal));
            for (String line : s.statements()) {
                doc.add(new Paragraph("– " + line, normal));
            }
            section(doc, "Tổ chức cơ sở đảng", List.of(s.grassrootsOrganizations()), bold, normal);
            section(doc, "Tổ chức đảng theo loại hình", s.organizations().byType(), bold, normal);
            section(doc, "Tổ chức đảng theo khối", s.organizations().bySector(), bold, normal);
            section(doc, "Đảng viên", List.of(new Views.Group("Tổng số", s.members().total(), s.members().levels())), bold, normal);
            section(doc, "Đảng viên theo loại hình tổ chức", s.members().byType(), bold, normal);
            section(doc, "Đảng viên theo khối", s.members().bySector(), bold, normal);
            doc.close();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("the PDF report could not be written", e);
        }
    }

    private static void section(Document doc, String name, List<Views.Group> groups, Font bold, Font normal) throws Exception {
        doc.add(new Paragraph(" ", normal));
        doc.add(new Paragraph(name, bold));
        if (groups.isEmpty() || groups.stream().allMatch(g -> g.total() == 0)) {
            doc.add(new Paragraph("Chưa có kết quả.", normal));
            return;
        }
        List<Views.LevelCount> levels = groups.get(0).levels();
        PdfPTable t = new PdfPTable(2 + levels.size());
        t.setWidthPercentage(100);
        t.addCell(cell("Nhóm", bold));
        t.addCell(cell("Tổng", bold));
        levels.forEach(l -> t.addCell(cell(l.levelName(), bold)));
        for (Views.Group g : groups) {
            t.addCell(cell(g.group(), normal));
            t.addCell(cell(String.valueOf(g.total()), normal));
            g.levels().forEach(l -> t.addCell(cell(l.count() + " (" + l.percent().toPlainString().replace('.', ',') + "%)", normal)));
        }
        doc.add(t);
    }

    private static PdfPCell cell(String text, Font f) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        c.setPadding(3);
        return c;
    }

    private BaseFont font(String path) throws Exception {
        if (Files.isReadable(Path.of(path))) {
            return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        }
        LOG.warnf("font %s not found: the PDF falls back to Helvetica, which lacks Vietnamese letters", path);
        return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
    }
}
