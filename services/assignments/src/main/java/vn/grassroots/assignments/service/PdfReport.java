package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.report.Charts;
import vn.grassroots.common.report.PrintedReport;
import vn.grassroots.common.report.ReportPrinter;
import vn.grassroots.common.report.Vietnamese;
import vn.grassroots.common.time.VietnamClock;

/**
 * The printable report of a subtree (báo cáo phân công theo dõi và thực hiện kế hoạch): the coverage of {@code GET
 * /assignments/coverage} at each level of the rule, and the plans whose period meets the one asked, with their tasks
 * done on time, late and overdue ({@code GET /plans/{id}/progress}).
 */
@ApplicationScoped
public class PdfReport {
    /** Plans printed, earliest first; the report says when there are more. */
    static final int LISTED_PLANS = 200;

    private final CoverageReports assignments;
    private final PlanService plans;
    private final VietnamClock clock;
    private final ReportPrinter printer;

    public PdfReport(CoverageReports assignments, PlanService plans, VietnamClock clock, ReportPrinter printer) {
        this.assignments = assignments;
        this.plans = plans;
        this.clock = clock;
        this.printer = printer;
    }

    public byte[] subtree(UUID organizationId, LocalDate from, LocalDate to) {
        LocalDate day = clock.today();
        LocalDate start = from == null ? day.withDayOfYear(1) : from;
        LocalDate end = to == null ? start.withDayOfYear(1).plusYears(1).minusDays(1) : to;
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        Results.Coverage c = assignments.coverage(organizationId);
        String scope = assignments.subtreeName(organizationId);
        PrintedReport r = printer.start(scope == null ? "Toàn hệ thống" : scope, "BÁO CÁO PHÂN CÔNG THEO DÕI VÀ THỰC HIỆN KẾ HOẠCH", List.of(
                "Phân công theo dõi đến ngày " + Vietnamese.date(day) + " · kế hoạch từ ngày " + Vietnamese.date(start) + " đến ngày "
                        + Vietnamese.date(end)));
        coverageSection(r, c);
        plansSection(r, organizationId, start, end);
        return r.finish();
    }

    private static void coverageSection(PrintedReport r, Results.Coverage c) {
        r.section("I. Phân công theo dõi");
        List<List<String>> rows = new ArrayList<>();
        Charts.Chart chart = Charts.bars("Tỉ lệ được phân công theo dõi (%)", "%").stacked().upTo(100).horizontal().height(170);
        level(rows, chart, "Cấp tỉnh nắm đến tổ chức cơ sở đảng", c.grassroots());
        level(rows, chart, "Cấp huyện nắm đến chi bộ", c.cells());
        level(rows, chart, "Đảng viên nắm đến hộ gia đình", c.households());
        r.table(List.of("Mức phân công", "Tổng số", "Đã phân công", "Chưa phân công", "Tỉ lệ"), rows);
        r.chart(chart);
    }

    private void plansSection(PrintedReport r, UUID organizationId, LocalDate start, LocalDate end) {
        r.section("II. Thực hiện kế hoạch");
        List<PlanService.PlanReport> found = plans.reports(organizationId, start, end, LISTED_PLANS);
        List<PlanService.PlanReport> listed = found.subList(0, Math.min(found.size(), LISTED_PLANS));
        if (listed.isEmpty()) {
            r.note("Không có kế hoạch nào trong kỳ.");
            return;
        }
        long[] sum = new long[5]; // tasks, on time, late, overdue, open
        List<List<String>> planRows = new ArrayList<>();
        Charts.Chart perPlan = Charts.bars("Nhiệm vụ theo kế hoạch", "nhiệm vụ").stacked().horizontal().height(80 + 22 * Math.min(listed.size(), 15));
        for (PlanService.PlanReport p : listed) {
            Results.PlanProgress g = p.progress();
            sum[0] += g.total();
            sum[1] += g.onTime();
            sum[2] += g.late();
            sum[3] += g.overdue();
            sum[4] += g.open() - g.overdue();
            planRows.add(List.of(p.title() + "\n" + p.organizationName() + " · " + Vietnamese.date(p.periodFrom()) + " – "
                    + Vietnamese.date(p.periodTo()), Vietnamese.number(g.total()), Vietnamese.number(g.onTime()), Vietnamese.number(g.late()),
                    Vietnamese.number(g.overdue()), Vietnamese.number(g.open() - g.overdue()), percent(g.shareDone())));
            if (planRows.size() <= 15) {
                perPlan.value("Đúng hạn", p.title(), g.onTime()).value("Trễ hạn", p.title(), g.late())
                        .value("Quá hạn", p.title(), g.overdue()).value("Đang thực hiện", p.title(), g.open() - g.overdue());
            }
        }
        r.sentence(Vietnamese.number(listed.size()) + " kế hoạch" + (found.size() > LISTED_PLANS ? " (in " + LISTED_PLANS + " kế hoạch đầu)" : "")
                + ", " + Vietnamese.number(sum[0]) + " nhiệm vụ: " + Vietnamese.number(sum[1]) + " hoàn thành đúng hạn, "
                + Vietnamese.number(sum[2]) + " hoàn thành trễ hạn, " + Vietnamese.number(sum[3]) + " quá hạn, "
                + Vietnamese.number(sum[4]) + " đang thực hiện trong hạn.");
        r.table(List.of("Kế hoạch", "Nhiệm vụ", "Đúng hạn", "Trễ hạn", "Quá hạn", "Trong hạn", "Hoàn thành"), planRows);
        r.chart(perPlan);
    }

    private static void level(List<List<String>> rows, Charts.Chart chart, String name, Results.LevelCoverage l) {
        rows.add(List.of(name, Vietnamese.number(l.total()), Vietnamese.number(l.covered()), Vietnamese.number(l.uncovered()), percent(l.share())));
        BigDecimal covered = BigDecimal.valueOf(l.share()).movePointRight(2);
        chart.value("Đã phân công", name, covered).value("Chưa phân công", name, l.total() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(100).subtract(covered));
    }

    /** A share of the JSON (0.8333) as 83,33 %. */
    private static String percent(double share) {
        return Vietnamese.percent(BigDecimal.valueOf(share).movePointRight(2));
    }
}
