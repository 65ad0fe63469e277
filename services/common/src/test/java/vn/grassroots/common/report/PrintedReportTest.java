package vn.grassroots.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A report written with the shared look reads back as written: Vietnamese letters, table cells, charts as images. */
class PrintedReportTest {

    static ReportPrinter printer() {
        return new ReportPrinter("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    }

    @Test
    void sentencesTablesAndChartsReadBack() throws IOException {
        Charts.Chart levels = Charts.bars("Đảng viên theo khối (%)", "%").stacked().upTo(100).horizontal()
                .value("Hoàn thành tốt nhiệm vụ", "Đơn vị sự nghiệp", new BigDecimal("63.64"))
                .value("Hoàn thành nhiệm vụ", "Đơn vị sự nghiệp", new BigDecimal("36.36"));
        Charts.Chart admissions = Charts.bars("Kết nạp theo năm", "đảng viên").band(3, 4, "chỉ tiêu")
                .value("Kết nạp", "2024", 12L).value("Kết nạp", "2025", 15L);
        assertEquals(1, levels.categories());
        byte[] pdf = printer().start("Huyện ủy Tuần Giáo", "BÁO CÁO THỬ", List.of("Năm 2025"))
                .section("I. Kết quả").sentence("11 đảng viên được xếp loại")
                .table(List.of("Nhóm", "Tổng số", "Tỉ lệ"), List.of(List.of("Đơn vị sự nghiệp", "2", "100,00 %")))
                .chart(levels).chart(admissions).note("Chưa có kết quả.")
                .finish();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String s : List.of("HUYỆN ỦY TUẦN GIÁO", "ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO THỬ", "Năm 2025", "I. Kết quả",
                    "– 11 đảng viên được xếp loại", "Nhóm Tổng số Tỉ lệ Đơn vị sự nghiệp 2 100,00 %", "Chưa có kết quả.", "Trang 1")) {
                assertTrue(text.contains(s), s + " in " + text);
            }
            // the charts are vectors with their text as text
            assertTrue(text.contains("Đảng viên theo khối (%)") && text.contains("Kết nạp theo năm") && text.contains("chỉ tiêu"), text);
            int forms = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName x : page.getResources().getXObjectNames()) {
                    forms += page.getResources().getXObject(x) instanceof PDFormXObject ? 1 : 0;
                }
            }
            assertEquals(2, forms);
        }
    }
}
