package vn.grassroots.meetings.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.report.Charts;
import vn.grassroots.common.report.PrintedReport;
import vn.grassroots.common.report.ReportPrinter;
import vn.grassroots.common.report.Vietnamese;
import vn.grassroots.common.time.VietnamClock;

/**
 * The printable compliance report of a subtree over a period (báo cáo tình hình chấp hành chế độ sinh hoạt đảng): the
 * summary of {@code GET /meetings/compliance}, then the same summary for each month and each quarter of the period (so
 * every figure is one the JSON gives for that month or quarter), with charts per month, and the cells that missed a
 * meeting when the subtree is small enough to list them.
 */
@ApplicationScoped
public class PdfReport {
    /** Above this many cells the report gives the counts and points to the paged list instead of printing every cell. */
    static final int LISTED_CELLS = 400;

    private final VietnamClock clock;
    private final ComplianceService compliance;
    private final ReportPrinter printer;

    public PdfReport(VietnamClock clock, ComplianceService compliance, ReportPrinter printer) {
        this.clock = clock;
        this.compliance = compliance;
        this.printer = printer;
    }

    public byte[] compliance(ComplianceService.Period p) {
        Results.ComplianceSummary s = compliance.summary(p);
        PrintedReport r = printer.start(p.root().name, "BÁO CÁO TÌNH HÌNH CHẤP HÀNH CHẾ ĐỘ SINH HOẠT ĐẢNG", List.of(
                "Từ ngày " + Vietnamese.date(p.from()) + " đến ngày " + Vietnamese.date(p.to()) + " · số liệu đến ngày "
                        + Vietnamese.date(clock.today())));
        summarySection(r, s);
        monthsSection(r, p);
        quartersSection(r, p);
        missingCellsSection(r, p, s);
        return r.finish();
    }

    private static void summarySection(PrintedReport r, Results.ComplianceSummary s) {
        r.section("I. Tổng hợp");
        r.sentence(Vietnamese.number(s.cells()) + " chi bộ; " + Vietnamese.number(s.cellsMissingRegular())
                + " chi bộ có tháng không sinh hoạt định kỳ (" + Vietnamese.percent(share(s.cellsMissingRegular(), s.cells())) + "); "
                + Vietnamese.number(s.cellsMissingThematic()) + " chi bộ có quý không sinh hoạt chuyên đề ("
                + Vietnamese.percent(share(s.cellsMissingThematic(), s.cells())) + ").");
        r.sentence(Vietnamese.number(s.meetingsHeld()) + " cuộc sinh hoạt đã tổ chức, trong đó " + Vietnamese.number(s.meetingsBelowQuorum())
                + " cuộc không đủ số đảng viên dự theo quy định; tỉ lệ đảng viên dự sinh hoạt: " + percent(s.attendanceRate()) + ".");
        r.sentence("Cấp ủy viên cấp trên được phân công dự " + Vietnamese.number(s.meetingsWithSuperiorAttended()) + " trên "
                + Vietnamese.number(s.meetingsWithSuperiorExpected()) + " cuộc (" + percent(s.superiorAttendanceShare()) + ").");
    }

    private void monthsSection(PrintedReport r, ComplianceService.Period p) {
        r.section("II. Theo tháng");
        List<List<String>> rows = new ArrayList<>();
        Charts.Chart held = Charts.bars("Cuộc sinh hoạt đã tổ chức và chi bộ không sinh hoạt định kỳ, theo tháng", "");
        Charts.Chart attendance = Charts.bars("Tỉ lệ đảng viên dự và cấp trên dự sinh hoạt, theo tháng (%)", "%").upTo(100);
        for (YearMonth m = YearMonth.from(p.from()); !m.isAfter(YearMonth.from(p.to())); m = m.plusMonths(1)) {
            Results.ComplianceSummary ms = compliance.summary(new ComplianceService.Period(p.root(), max(p.from(), m.atDay(1)),
                    min(p.to(), m.atEndOfMonth())));
            String month = String.format("%02d/%d", m.getMonthValue(), m.getYear());
            rows.add(List.of(month, Vietnamese.number(ms.meetingsHeld()), Vietnamese.number(ms.meetingsBelowQuorum()),
                    Vietnamese.number(ms.cellsMissingRegular()), percent(ms.attendanceRate()), percent(ms.superiorAttendanceShare())));
            held.value("Cuộc sinh hoạt", month, ms.meetingsHeld()).value("Chi bộ không sinh hoạt định kỳ", month, ms.cellsMissingRegular());
            attendance.value("Đảng viên dự", month, hundredths(ms.attendanceRate()))
                    .value("Cấp trên dự", month, hundredths(ms.superiorAttendanceShare()));
        }
        r.table(List.of("Tháng", "Cuộc sinh hoạt", "Không đủ số dự", "Chi bộ không sinh hoạt định kỳ", "Tỉ lệ đảng viên dự",
                "Cấp trên dự"), rows);
        r.chart(held.height(220));
        r.chart(attendance.height(220));
    }

    private void quartersSection(PrintedReport r, ComplianceService.Period p) {
        r.section("III. Sinh hoạt chuyên đề theo quý");
        List<List<String>> quarters = new ArrayList<>();
        for (YearMonth q = quarterStart(YearMonth.from(p.from())); !q.isAfter(YearMonth.from(p.to())); q = q.plusMonths(3)) {
            Results.ComplianceSummary qs = compliance.summary(new ComplianceService.Period(p.root(), max(p.from(), q.atDay(1)),
                    min(p.to(), q.plusMonths(2).atEndOfMonth())));
            quarters.add(List.of("Quý " + ((q.getMonthValue() - 1) / 3 + 1) + "/" + q.getYear(), Vietnamese.number(qs.cells()),
                    Vietnamese.number(qs.cellsMissingThematic()), Vietnamese.percent(share(qs.cellsMissingThematic(), qs.cells()))));
        }
        r.table(List.of("Quý", "Chi bộ", "Chi bộ không sinh hoạt chuyên đề", "Tỉ lệ"), quarters);
    }

    private void missingCellsSection(PrintedReport r, ComplianceService.Period p, Results.ComplianceSummary s) {
        r.section("IV. Chi bộ không sinh hoạt đủ");
        if (s.cellsMissingRegular() == 0 && s.cellsMissingThematic() == 0) {
            r.note("Mọi chi bộ đã sinh hoạt định kỳ hằng tháng và chuyên đề hằng quý trong kỳ.");
        } else if (s.cells() > LISTED_CELLS) {
            r.note("Danh sách " + Vietnamese.number(s.cells()) + " chi bộ quá dài để in; xem từng chi bộ qua GET /api/v1/meetings/compliance/cells.");
        } else {
            List<List<String>> cells = new ArrayList<>();
            String cursor = null;
            do {
                Page<Results.CellCompliance> page = compliance.cells(p, cursor, 200);
                for (Results.CellCompliance c : page.items()) {
                    if (!c.monthsWithoutRegular().isEmpty() || !c.quartersWithoutThematic().isEmpty()) {
                        cells.add(List.of(c.name(), String.join(", ", c.monthsWithoutRegular().stream().map(PdfReport::month).toList()),
                                String.join(", ", c.quartersWithoutThematic().stream().map(PdfReport::quarter).toList()),
                                percent(c.attendanceRate())));
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            r.table(List.of("Chi bộ", "Tháng không sinh hoạt định kỳ", "Quý không sinh hoạt chuyên đề", "Tỉ lệ đảng viên dự"), cells);
        }
    }

    /** 2025-03 as 03/2025. */
    private static String month(String yearMonth) {
        return yearMonth.substring(5) + "/" + yearMonth.substring(0, 4);
    }

    /** 2025-Q1 as Quý 1/2025. */
    private static String quarter(String yearQuarter) {
        return "Quý " + yearQuarter.substring(6) + "/" + yearQuarter.substring(0, 4);
    }

    private static BigDecimal share(long n, long total) {
        return total == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    /** A rate of the JSON (0.8333) in percent (83,33 %); "–" without one. */
    private static String percent(Double rate) {
        return rate == null ? "–" : Vietnamese.percent(hundredths(rate));
    }

    private static BigDecimal hundredths(Double rate) {
        return rate == null ? BigDecimal.ZERO : BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
    }

    private static YearMonth quarterStart(YearMonth m) {
        return m.withMonth((m.getMonthValue() - 1) / 3 * 3 + 1);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
