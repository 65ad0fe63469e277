package vn.grassroots.evaluations.api;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.service.PdfReport;
import vn.grassroots.evaluations.service.ReportService;

@Path("/api/v1/evaluations")
@Authenticated
@Tag(name = "Reports", description = "Báo cáo kết quả đánh giá, xếp loại chất lượng of a subtree and year: counts and shares per level, by type and sector, the list behind each number, year over year, CSV and PDF")
public class ReportResource {
    private static final String ORG = "Root of the subtree (default: your organization; admins: the whole province)";

    @Inject
    ReportService reports;

    @Inject
    PdfReport pdf;

    @GET
    @Path("/reports/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summary of decided ratings (tổng hợp kết quả xếp loại)", description = "Organizations and members of the subtree rated in the "
            + "year: count and percentage per level overall, by organization type and by sector; grassroots organizations (tổ chức cơ sở đảng) "
            + "apart; and the sentences of a provincial report (e.g. \"34 tổ chức cơ sở đảng … trong sạch, vững mạnh\"). One SQL aggregate.")
    public Views.Summary summary(@Parameter(description = ORG) @QueryParam("organizationId") String organizationId,
            @Parameter(description = "Year (năm), required", example = "2025") @QueryParam("year") String year,
            @Parameter(description = "Only this cycle") @QueryParam("cycleId") String cycleId) {
        return reports.summary(QueryParams.uuid("organizationId", organizationId), Params.year("year", year, true),
                QueryParams.uuid("cycleId", cycleId));
    }

    @GET
    @Path("/reports/summary.csv")
    @Produces("text/csv")
    @Operation(summary = "Summary as CSV", description = "One line per subject type, grouping (ALL, TYPE, SECTOR, GRASSROOTS), group and level: "
            + "subjectType,grouping,group,level,levelName,count,percent. UTF-8 with a byte order mark for spreadsheets.")
    public Response summaryCsv(@QueryParam("organizationId") String organizationId, @QueryParam("year") String year,
            @QueryParam("cycleId") String cycleId) {
        Views.Summary s = summary(organizationId, year, cycleId);
        StringBuilder b = new StringBuilder("\uFEFFsubjectType,grouping,group,level,levelName,count,percent\r\n");
        for (Views.SubjectSummary sub : List.of(s.organizations(), s.members())) {
            rows(b, sub.subjectType(), "ALL", new Views.Group(sub.subjectType(), sub.total(), sub.levels()));
            sub.byType().forEach(g -> rows(b, sub.subjectType(), "TYPE", g));
            sub.bySector().forEach(g -> rows(b, sub.subjectType(), "SECTOR", g));
        }
        rows(b, "ORGANIZATION", "GRASSROOTS", s.grassrootsOrganizations());
        return Response.ok(b.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"xep-loai-" + s.year() + ".csv\"").build();
    }

    private static void rows(StringBuilder b, String subject, String grouping, Views.Group g) {
        for (Views.LevelCount l : g.levels()) {
            b.append(subject).append(',').append(grouping).append(',').append(csv(g.group())).append(',').append(l.level()).append(',')
                    .append(csv(l.levelName())).append(',').append(l.count()).append(',').append(l.percent().toPlainString()).append("\r\n");
        }
    }

    @GET
    @Path("/reports/ratings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The decided ratings behind a number (danh sách)", description = "Filter like a cell of the summary: subject type, level, "
            + "organization type, sector. By name, one page at a time.")
    public Page<Views.RatedItem> rated(@Parameter(description = ORG) @QueryParam("organizationId") String organizationId,
            @QueryParam("year") String year, @Parameter(description = "MEMBER or ORGANIZATION") @QueryParam("subjectType") String subjectType,
            @Parameter(description = "Level code, e.g. EXCELLENT") @QueryParam("level") String level,
            @Parameter(description = "Organization type, e.g. GRASSROOTS_CELL") @QueryParam("organizationType") String organizationType,
            @Parameter(description = "Sector (khối), e.g. COMMUNE") @QueryParam("sector") String sector,
            @QueryParam("cycleId") String cycleId, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return reports.rated(QueryParams.uuid("organizationId", organizationId), Params.year("year", year, true),
                Params.oneEnum("subjectType", SubjectType.class, subjectType), level, organizationType, sector,
                QueryParams.uuid("cycleId", cycleId), cursor, limit);
    }

    @GET
    @Path("/reports/ratings.csv")
    @Produces("text/csv")
    @Operation(summary = "The decided ratings as CSV", description = "The same filters as /reports/ratings, every row, streamed in pages of 1,000.")
    public Response ratedCsv(@QueryParam("organizationId") String organizationId, @QueryParam("year") String year,
            @QueryParam("subjectType") String subjectType, @QueryParam("level") String level,
            @QueryParam("organizationType") String organizationType, @QueryParam("sector") String sector, @QueryParam("cycleId") String cycleId) {
        ReportService.Root root = reports.root(QueryParams.uuid("organizationId", organizationId));
        int y = Params.year("year", year, true);
        SubjectType type = Params.oneEnum("subjectType", SubjectType.class, subjectType);
        UUID cycle = QueryParams.uuid("cycleId", cycleId);
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("\uFEFFratingId,subjectType,subjectId,subjectName,organizationId,organizationType,sector,level,decidedAt,decidedBy\r\n");
            String[] after = null;
            while (true) {
                List<Object[]> rows = reports.ratedRows(root, y, type, level, organizationType, sector, cycle, after, 1000);
                for (Object[] r : rows) {
                    Views.RatedItem i = ReportService.item(r);
                    w.write(i.ratingId() + "," + i.subjectType() + "," + i.subjectId() + "," + csv(i.subjectName()) + ","
                            + i.organizationId() + "," + i.organizationType() + "," + i.sector() + "," + i.level() + ","
                            + i.decidedAt() + "," + csv(i.decidedBy()) + "\r\n");
                }
                if (rows.size() < 1000) {
                    break;
                }
                Object[] last = rows.get(rows.size() - 1);
                after = new String[] {(String) last[3], last[0].toString()};
            }
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"danh-sach-xep-loai-" + y + ".csv\"").build();
    }

    @GET
    @Path("/reports/comparison")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Year over year (so sánh qua các năm)", description = "Per year, subject type and level: count, share and the change in "
            + "percentage points from the year before (null when the year before has no ratings). At most 21 years.")
    public List<Views.YearRow> comparison(@Parameter(description = ORG) @QueryParam("organizationId") String organizationId,
            @QueryParam("fromYear") String fromYear, @QueryParam("toYear") String toYear) {
        return reports.comparison(QueryParams.uuid("organizationId", organizationId), Params.year("fromYear", fromYear, true),
                Params.year("toYear", toYear, true));
    }

    @GET
    @Path("/cycles/{id}/report.pdf")
    @Produces("application/pdf")
    @Tag(name = "Reports")
    @Operation(summary = "Printable report of a cycle (PDF)", description = "The summary of the cycle's scope and year as an A4 PDF with Vietnamese text.")
    public Response cyclePdf(@PathParam("id") UUID id) {
        return Response.ok(pdf.cycle(id), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"bao-cao-xep-loai-" + id + ".pdf\"").build();
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        String v = s.startsWith("=") || s.startsWith("+") || s.startsWith("-") || s.startsWith("@") ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
