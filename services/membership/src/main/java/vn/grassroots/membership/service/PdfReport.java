package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.report.Charts;
import vn.grassroots.common.report.Labelled;
import vn.grassroots.common.report.PrintedReport;
import vn.grassroots.common.report.ReportPrinter;
import vn.grassroots.common.report.Vietnamese;
import vn.grassroots.membership.domain.AgeBand;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.TheoryLevel;

/**
 * The printable statistics of a subtree (báo cáo thống kê đảng viên): the figures of {@code GET /members/statistics},
 * with the glossary's names, tables and charts, and the admissions of each year against the 3-4 % band.
 */
@ApplicationScoped
public class PdfReport {

    private final ReportService reports;
    private final ReportPrinter printer;

    public PdfReport(ReportService reports, ReportPrinter printer) {
        this.reports = reports;
        this.printer = printer;
    }

    public byte[] statistics(UUID organizationId, Integer fromYear, Integer toYear) {
        Results.Statistics s = reports.statistics(organizationId, fromYear, toYear);
        String scope = reports.subtreeName(organizationId);
        List<Results.AdmissionYear> years = s.admissions();
        int from = years.get(0).year();
        int to = years.get(years.size() - 1).year();
        PrintedReport r = printer.start(scope == null ? "Toàn hệ thống" : scope, "BÁO CÁO THỐNG KÊ ĐẢNG VIÊN", List.of(
                "Số liệu đến ngày " + Vietnamese.date(s.asOf()) + " · kết nạp từ năm " + from + " đến năm " + to));

        r.section("I. Số lượng đảng viên");
        r.sentence("Tổng số đảng viên: " + Vietnamese.number(s.members()) + ", trong đó " + Vietnamese.number(count(s.byStatus(), MemberStatus.PROBATIONARY))
                + " đảng viên dự bị, " + Vietnamese.number(count(s.byStatus(), MemberStatus.OFFICIAL)) + " đảng viên chính thức, "
                + Vietnamese.number(count(s.byStatus(), MemberStatus.EXEMPT)) + " đảng viên được miễn công tác và sinh hoạt đảng.");
        r.sentence("Nữ: " + Vietnamese.number(count(s.byGender(), Gender.FEMALE)) + " (" + Vietnamese.percent(share(count(s.byGender(), Gender.FEMALE), s.members())) + ").");
        long everyone = s.byStatus().values().stream().mapToLong(Long::longValue).sum();
        r.section("II. Theo trạng thái (mọi đảng viên đã đăng ký)");
        table(r, "Trạng thái", s.byStatus(), everyone, MemberStatus.class);

        r.section("III. Theo độ tuổi");
        table(r, "Độ tuổi", s.byAgeBand(), s.members(), AgeBand.class);
        r.chart(bars("Đảng viên theo độ tuổi", s.byAgeBand(), AgeBand.class));

        r.section("IV. Theo giới tính và dân tộc");
        table(r, "Giới tính", s.byGender(), s.members(), Gender.class);
        table(r, "Dân tộc", mostFirst(s.byEthnicity()), s.members());

        r.section("V. Theo trình độ lý luận chính trị");
        table(r, "Trình độ", s.byTheoryLevel(), s.members(), TheoryLevel.class);
        r.chart(bars("Đảng viên theo trình độ lý luận chính trị", s.byTheoryLevel(), TheoryLevel.class));

        admissionsSection(r, years);
        return r.finish();
    }

    private static void admissionsSection(PrintedReport r, List<Results.AdmissionYear> years) {
        r.section("VI. Kết nạp đảng viên mới theo năm (chỉ tiêu " + Vietnamese.decimal(years.get(0).targetMinPercent()) + "–"
                + Vietnamese.decimal(years.get(0).targetMaxPercent()) + " % số đảng viên đầu năm)");
        List<List<String>> rows = new ArrayList<>();
        Charts.Chart chart = Charts.bars("Tỉ lệ kết nạp so với số đảng viên đầu năm (%)", "%")
                .band(years.get(0).targetMinPercent().doubleValue(), years.get(0).targetMaxPercent().doubleValue(), "chỉ tiêu");
        for (Results.AdmissionYear y : years) {
            rows.add(List.of(String.valueOf(y.year()), Vietnamese.number(y.admitted()), Vietnamese.number(y.membersAtStart()),
                    Vietnamese.percent(y.ratePercent()), position(y.targetPosition())));
            chart.value("Tỉ lệ kết nạp", String.valueOf(y.year()), y.ratePercent() == null ? 0 : y.ratePercent());
        }
        r.table(List.of("Năm", "Kết nạp", "Đảng viên đầu năm", "Tỉ lệ", "So với chỉ tiêu"), rows);
        r.chart(chart);
    }

    /** The counts, largest first, then by name. */
    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static long count(Map<String, Long> counts, Enum<?> key) {
        return counts.getOrDefault(key.name(), 0L);
    }

    private static BigDecimal share(long n, long total) {
        return total == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    private static String position(String p) {
        return p == null ? "" : switch (p) {
            case "BELOW" -> "Thấp hơn";
            case "ABOVE" -> "Cao hơn";
            default -> "Đạt";
        };
    }

    /** A row per group with its count and share, the groups named in Vietnamese ({@code types}) or as they are. */
    @SafeVarargs
    private static void table(PrintedReport r, String heading, Map<String, Long> counts, long total, Class<? extends Labelled>... types) {
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((k, n) -> rows.add(List.of(Labelled.of(k, types), Vietnamese.number(n), Vietnamese.percent(share(n, total)))));
        rows.add(List.of("Tổng số", Vietnamese.number(total), total == 0 ? "" : Vietnamese.percent(BigDecimal.valueOf(100))));
        r.table(List.of(heading, "Số đảng viên", "Tỉ lệ"), rows);
    }

    private static Charts.Chart bars(String title, Map<String, Long> counts, Class<? extends Labelled> type) {
        Charts.Chart chart = Charts.bars(title, "đảng viên").height(200);
        counts.forEach((k, n) -> chart.value("Số đảng viên", Labelled.of(k, type), n));
        return chart;
    }
}
