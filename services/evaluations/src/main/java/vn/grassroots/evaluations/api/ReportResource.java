package vn.grassroots.evaluations.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.grassroots.common.export.Csv;
import vn.grassroots.common.export.ExportJobs;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.report.Labelled;
import vn.grassroots.common.report.PrintedReport;
import vn.grassroots.common.report.Vietnamese;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.service.PdfReport;
import vn.grassroots.evaluations.service.RatedLists;
import vn.grassroots.evaluations.service.ReportService;
import vn.grassroots.evaluations.service.Results;

@Path("/api/v1/evaluations")
@Authenticated
@Tag(name = "Reports", description = "Báo cáo kết quả đánh giá, xếp loại chất lượng of a subtree and year: counts and shares per level, by type and sector, the list behind each number, year over year, CSV and PDF")
public class ReportResource {
    private static final String ORG = "Root of the subtree (default: your organization; admins: the whole province)";

    private final ReportService reports;
    private final RatedLists rated;
    private final PdfReport pdf;
    private final ExportJobs exports;

    public ReportResource(ReportService reports, RatedLists rated, PdfReport pdf, ExportJobs exports) {
        this.reports = reports;
        this.rated = rated;
        this.pdf = pdf;
        this.exports = exports;
    }

    @GET
    @Path("/reports/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Summary of decided ratings (tổng hợp kết quả xếp loại)", description = "Organizations and members of the subtree rated in the "
            + "year: count and percentage per level overall, by organization type and by sector; grassroots organizations (tổ chức cơ sở đảng) "
            + "apart; and the sentences of a provincial report (e.g. \"34 tổ chức cơ sở đảng … trong sạch, vững mạnh\"). One SQL aggregate.")
    public Views.Summary summary(@Parameter(description = ORG) @QueryParam("organizationId") String organizationId,
            @Parameter(description = "Year (năm), required", example = "2025") @QueryParam("year") String year,
            @Parameter(description = "Only this cycle") @QueryParam("cycleId") String cycleId) {
        return Views.Summary.of(reports.summary(QueryParams.uuid("organizationId", organizationId), QueryParams.year("year", year, 1950, true),
                QueryParams.uuid("cycleId", cycleId)));
    }

    @GET
    @Path("/reports/summary.csv")
    @Produces("text/csv")
    @Operation(summary = "Summary as CSV", description = "One line per subject, grouping (all, by organization type, by sector, "
            + "grassroots organizations), group and level, UTF-8 with a byte order mark for spreadsheets. For people (default): "
            + "Vietnamese headers and names, shares as 57,63. With codes=true, for machines: "
            + "subjectType,grouping,group,level,levelName,count,percent with the identifiers (ALL, TYPE, SECTOR, GRASSROOTS) and 57.63.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response summaryCsv(@QueryParam("organizationId") String organizationId, @QueryParam("year") String year,
            @QueryParam("cycleId") String cycleId, @Parameter(description = CODES) @QueryParam("codes") String codes) {
        boolean machine = QueryParams.bool("codes", codes, false);
        Views.Summary s = summary(organizationId, year, cycleId);
        StringBuilder b = new StringBuilder(Csv.BOM).append(machine ? "subjectType,grouping,group,level,levelName,count,percent\r\n"
                : "Đối tượng,Phân nhóm,Nhóm,Mã mức,Mức xếp loại,Số lượng,Tỉ lệ (%)\r\n");
        for (Views.SubjectSummary sub : List.of(s.organizations(), s.members())) {
            rows(b, machine, sub.subjectType(), "ALL", new Views.Group(sub.subjectType(), sub.total(), sub.levels()));
            sub.byType().forEach(g -> rows(b, machine, sub.subjectType(), "TYPE", g));
            sub.bySector().forEach(g -> rows(b, machine, sub.subjectType(), "SECTOR", g));
        }
        rows(b, machine, "ORGANIZATION", "GRASSROOTS", s.grassrootsOrganizations());
        return Response.ok(b.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"xep-loai-" + s.year() + ".csv\"").build();
    }

    private static final String CODES = "true: identifiers and decimal points, for machines; default false: Vietnamese names, for people";

    private static final Map<String, String> GROUPINGS = Map.of("ALL", "Tổng số", "TYPE", "Theo loại hình tổ chức",
            "SECTOR", "Theo khối", "GRASSROOTS", "Tổ chức cơ sở đảng");

    private static void rows(StringBuilder b, boolean machine, String subject, String grouping, Views.Group g) {
        for (Views.LevelCount l : g.levels()) {
            b.append(machine
                    ? Csv.line(subject, grouping, g.group(), l.level(), l.levelName(), l.count(), l.percent().toPlainString())
                    : Csv.line(Labelled.of(subject, SubjectType.class), GROUPINGS.get(grouping), grouping.equals("ALL")
                            || grouping.equals("GRASSROOTS") ? GROUPINGS.get(grouping) : Labelled.of(g.group(), OrganizationType.class, Sector.class),
                            l.level(), l.levelName(), l.count(), Vietnamese.decimal(l.percent())));
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
        return rated.rated(QueryParams.uuid("organizationId", organizationId), QueryParams.year("year", year, 1950, true),
                QueryParams.one("subjectType", SubjectType.class, subjectType), level,
                Params.code("organizationType", OrganizationType.class, organizationType), Params.code("sector", Sector.class, sector),
                QueryParams.uuid("cycleId", cycleId), cursor, limit).map(Views.RatedItem::of);
    }

    @GET
    @Path("/reports/ratings.csv")
    @Produces("text/csv")
    @Operation(summary = "The decided ratings as CSV", description = "The same filters as /reports/ratings, every row, streamed "
            + "as it is read; Vietnamese headers and names (dates as 29/11/2026), or with codes=true the identifiers and ISO instants "
            + "(ratingId,subjectType,subjectId,subjectName,organizationId,organizationType,sector,level,decidedAt,decidedBy). More than 100,000 rows (a province or more): 422 export-too-large; start a background export with POST instead.")
    @APIResponse(responseCode = "422", description = "Too many rows for a direct download (export-too-large)")
    @APIResponse(responseCode = "200", description = "The ratings as CSV (UTF-8 with a byte order mark)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response ratedCsv(@QueryParam("organizationId") String organizationId, @QueryParam("year") String year,
            @QueryParam("subjectType") String subjectType, @QueryParam("level") String level,
            @QueryParam("organizationType") String organizationType, @QueryParam("sector") String sector, @QueryParam("cycleId") String cycleId,
            @Parameter(description = CODES) @QueryParam("codes") String codes) {
        boolean machine = QueryParams.bool("codes", codes, false);
        RatedLists.RatedFilter f = ratedFilter(organizationId, year, subjectType, level, organizationType, sector, cycleId);
        exports.requireDirect(cap -> rated.ratedCount(f, cap), "POST /api/v1/evaluations/reports/ratings.csv (same query parameters)");
        return Response.ok(ExportJobs.direct(ratingsCsv(f, machine, false)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + ratingsFile(f) + "\"").build();
    }

    @POST
    @Path("/reports/ratings.csv")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export the decided ratings as CSV in the background (xuất danh sách chạy nền)", description = "The same filters "
            + "and file as GET /reports/ratings.csv, of any size (the whole province or country): 202 with the export; follow its "
            + "progress at Location and download /exports/{id}/file when it is SUCCEEDED.")
    @APIResponse(responseCode = "202", description = "Export queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportJobs.Export.class)))
    @APIResponse(responseCode = "503", description = "Five exports are running or waiting already (exports-busy, Retry-After)")
    public Response exportRatedCsv(@QueryParam("organizationId") String organizationId, @QueryParam("year") String year,
            @QueryParam("subjectType") String subjectType, @QueryParam("level") String level,
            @QueryParam("organizationType") String organizationType, @QueryParam("sector") String sector, @QueryParam("cycleId") String cycleId,
            @Parameter(description = CODES) @QueryParam("codes") String codes) {
        boolean machine = QueryParams.bool("codes", codes, false);
        RatedLists.RatedFilter f = ratedFilter(organizationId, year, subjectType, level, organizationType, sector, cycleId);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("organizationId", f.root().organizationId());
        params.put("year", f.year());
        params.put("subjectType", f.type());
        params.put("level", f.level());
        params.put("organizationType", f.orgType());
        params.put("sector", f.sector());
        params.put("cycleId", f.cycleId());
        params.put("codes", machine);
        return exports.accepted(exports.start("ratings.csv", params, ratingsFile(f), "text/csv; charset=UTF-8", ratingsCsv(f, machine, true)),
                "/api/v1/evaluations/exports/");
    }

    private RatedLists.RatedFilter ratedFilter(String organizationId, String year, String subjectType, String level,
            String organizationType, String sector, String cycleId) {
        return new RatedLists.RatedFilter(reports.root(QueryParams.uuid("organizationId", organizationId)), QueryParams.year("year", year, 1950, true),
                QueryParams.one("subjectType", SubjectType.class, subjectType), level,
                Params.code("organizationType", OrganizationType.class, organizationType), Params.code("sector", Sector.class, sector),
                QueryParams.uuid("cycleId", cycleId));
    }

    private static String ratingsFile(RatedLists.RatedFilter f) {
        return "danh-sach-xep-loai-" + f.year() + ".csv";
    }

    /** The CSV of the ratings behind a filter, page by page; counted first when it is a background export. */
    private ExportJobs.Writer ratingsCsv(RatedLists.RatedFilter f, boolean machine, boolean count) {
        Map<String, String> levelNames = machine ? Map.of() : reports.levelNames(f.year(), f.cycleId());
        return out -> {
            if (count) {
                out.expect(rated.ratedCount(f, Long.MAX_VALUE - 1));
            }
            out.text(Csv.BOM + (machine ? "ratingId,subjectType,subjectId,subjectName,organizationId,organizationType,sector,level,decidedAt,decidedBy\r\n"
                    : "Mã xếp loại,Đối tượng,Mã đối tượng,Họ tên / tên tổ chức,Mã tổ chức đảng,Loại hình tổ chức,Khối,Mức xếp loại,"
                            + "Ngày quyết định,Người quyết định\r\n"));
            rated.ratedStream(f, r -> {
                Results.RatedItem i = RatedLists.item(r);
                try {
                    out.row(machine ? Csv.line(i.ratingId(), i.subjectType(), i.subjectId(), i.subjectName(), i.organizationId(),
                            i.organizationType(), i.sector(), i.level(), i.decidedAt(), i.decidedBy())
                            : Csv.line(i.ratingId(), Labelled.of(i.subjectType(), SubjectType.class), i.subjectId(), i.subjectName(),
                                    i.organizationId(), Labelled.of(i.organizationType(), OrganizationType.class),
                                    Labelled.of(i.sector(), Sector.class), levelNames.getOrDefault(i.subjectType() + "|" + i.level(), i.level()),
                                    Vietnamese.date(i.decidedAt()), i.decidedBy()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        };
    }

    @GET
    @Path("/reports/comparison")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Year over year (so sánh qua các năm)", description = "Per year, subject type and level: count, share and the change in "
            + "percentage points from the year before (null when the year before has no ratings). At most 21 years.")
    public List<Views.YearRow> comparison(@Parameter(description = ORG) @QueryParam("organizationId") String organizationId,
            @QueryParam("fromYear") String fromYear, @QueryParam("toYear") String toYear) {
        return reports.comparison(QueryParams.uuid("organizationId", organizationId), QueryParams.year("fromYear", fromYear, 1950, true),
                QueryParams.year("toYear", toYear, 1950, true)).stream().map(Views.YearRow::of).toList();
    }

    @GET
    @Path("/cycles/{id}/report.pdf")
    @Produces("application/pdf")
    @Tag(name = "Reports")
    @Operation(summary = "Printable report of a cycle (PDF)", description = "The summary of the cycle's scope and year as an A4 PDF with Vietnamese text.")
    @APIResponse(responseCode = "200", description = "The PDF file (báo cáo xếp loại)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response cyclePdf(@PathParam("id") UUID id) {
        return PrintedReport.response(pdf.cycle(id), "bao-cao-xep-loai-" + id + ".pdf");
    }
}
