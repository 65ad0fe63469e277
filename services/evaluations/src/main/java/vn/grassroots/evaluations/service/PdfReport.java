package vn.grassroots.evaluations.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.grassroots.common.report.Charts;
import vn.grassroots.common.report.Labelled;
import vn.grassroots.common.report.PrintedReport;
import vn.grassroots.common.report.ReportPrinter;
import vn.grassroots.common.report.Vietnamese;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;

/**
 * The printable report of a cycle (báo cáo kết quả đánh giá, xếp loại): the summary of its scope and year in sentences,
 * tables and charts, with the year before beside it when that year was rated. Groups carry their Vietnamese names.
 */
@ApplicationScoped
public class PdfReport {

    private final CycleService cycles;
    private final ReportService reports;
    private final ReportPrinter printer;

    public PdfReport(CycleService cycles, ReportService reports, ReportPrinter printer) {
        this.cycles = cycles;
        this.reports = reports;
        this.printer = printer;
    }

    public byte[] cycle(UUID cycleId) {
        CycleService.Cycle c = cycles.readable(cycleId);
        Results.CycleResult cv = cycles.result(c);
        Results.Summary s = reports.summary(c.scopeOrgId(), c.year(), c.id());
        String scope = cv.scopeOrganizationName() == null ? String.valueOf(c.scopeOrgId()) : cv.scopeOrganizationName();
        PrintedReport r = printer.start(scope, "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM " + c.year(), List.of(
                c.name(),
                "Quy định " + cv.policyCode() + " · " + (c.state().equals("OPEN") ? "đang đánh giá" : "đã kết thúc")
                        + " · mở ngày " + Vietnamese.date(c.openedAt())));
        r.section("I. Kết quả chung");
        s.statements().forEach(r::sentence);
        if (s.statements().isEmpty()) {
            r.note("Chưa có kết quả xếp loại nào được quyết định.");
        }
        r.section("II. Tổ chức cơ sở đảng");
        table(r, List.of(new Results.Group("Tổ chức cơ sở đảng", s.grassrootsOrganizations().total(), s.grassrootsOrganizations().levels())));
        r.section("III. Tổ chức đảng theo loại hình và theo khối");
        breakdown(r, "Tổ chức đảng", s.organizations());
        r.section("IV. Đảng viên theo loại hình tổ chức và theo khối");
        table(r, List.of(new Results.Group("Tổng số", s.members().total(), s.members().levels())));
        breakdown(r, "Đảng viên", s.members());
        comparison(r, c, s);
        return r.finish();
    }

    /** The table and the chart of a subject by organization type, then by sector. */
    private static void breakdown(PrintedReport r, String subject, Results.SubjectSummary sub) {
        table(r, sub.byType());
        chart(r, subject + " theo loại hình tổ chức (tỉ lệ mỗi mức, %)", sub.byType());
        table(r, sub.bySector());
        chart(r, subject + " theo khối (tỉ lệ mỗi mức, %)", sub.bySector());
    }

    private static void table(PrintedReport r, List<Results.Group> groups) {
        if (groups.isEmpty() || groups.stream().allMatch(g -> g.total() == 0)) {
            r.note("Chưa có kết quả.");
            return;
        }
        List<String> headers = new ArrayList<>(List.of("Nhóm", "Tổng số"));
        groups.get(0).levels().forEach(l -> headers.add(l.levelName()));
        r.table(headers, groups.stream().map(g -> {
            List<String> row = new ArrayList<>(List.of(label(g.group()), Vietnamese.number(g.total())));
            g.levels().forEach(l -> row.add(Vietnamese.number(l.count()) + "\n" + Vietnamese.percent(l.percent())));
            return row;
        }).toList());
    }

    /** Levels stacked to 100 % per group: how the groups compare whatever their size. */
    private static void chart(PrintedReport r, String title, List<Results.Group> groups) {
        List<Results.Group> rated = groups.stream().filter(g -> g.total() > 0).toList();
        if (rated.isEmpty()) {
            return;
        }
        Charts.Chart chart = Charts.bars(title, "%").stacked().upTo(100).horizontal().height(90 + 24 * rated.size());
        for (Results.Group g : rated) {
            g.levels().forEach(l -> chart.value(l.levelName(), label(g.group()), l.percent()));
        }
        r.chart(chart);
    }

    /** The year before beside this one, per level, when the year before was rated in the same scope. */
    private void comparison(PrintedReport r, CycleService.Cycle c, Results.Summary s) {
        List<Results.YearRow> rows = reports.comparison(c.scopeOrgId(), c.year() - 1, c.year());
        if (rows.stream().noneMatch(y -> y.year() == c.year() - 1)) {
            return;
        }
        r.section("V. So sánh với năm " + (c.year() - 1));
        for (Results.SubjectSummary sub : List.of(s.organizations(), s.members())) {
            Map<String, String> names = sub.levels().stream()
                    .collect(Collectors.toMap(Results.LevelCount::level, Results.LevelCount::levelName, (a, b) -> a));
            List<Results.YearRow> mine = rows.stream().filter(y -> y.subjectType().equals(sub.subjectType())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            String subject = sub.subjectType().equals("MEMBER") ? "Đảng viên" : "Tổ chức đảng";
            Function<String, String> name = code -> names.getOrDefault(code, code);
            r.table(List.of(subject + ", mức xếp loại", "Năm", "Số lượng", "Tỉ lệ", "Thay đổi (điểm %)"), mine.stream()
                    .map(y -> List.of(name.apply(y.level()), String.valueOf(y.year()), Vietnamese.number(y.count()),
                            Vietnamese.percent(y.percent()), y.changePoints() == null ? "" : Vietnamese.decimal(y.changePoints())))
                    .toList());
            Charts.Chart chart = Charts.bars(subject + ": tỉ lệ mỗi mức, năm " + (c.year() - 1) + " và năm " + c.year(), "%");
            mine.forEach(y -> chart.value("Năm " + y.year(), name.apply(y.level()), y.percent()));
            r.chart(chart);
        }
    }

    /** The Vietnamese name of an organization type or sector code; other group names as they are. */
    private static String label(String group) {
        return Labelled.of(group, OrganizationType.class, Sector.class);
    }
}
