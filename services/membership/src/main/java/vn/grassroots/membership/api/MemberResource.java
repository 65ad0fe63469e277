package vn.grassroots.membership.api;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import org.jboss.resteasy.reactive.RestResponse;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.export.Csv;
import vn.grassroots.common.export.ExportJobs;
import vn.grassroots.common.idempotency.IdempotencyKeys;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.report.PrintedReport;
import vn.grassroots.common.report.Vietnamese;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.membership.domain.AgeBand;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.MemberFilter;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.TheoryLevel;
import vn.grassroots.membership.service.Commands;
import vn.grassroots.membership.service.MemberQueries;
import vn.grassroots.membership.service.MemberService;

/**
 * The members' API. Longer than 300 lines on purpose: most of it is the OpenAPI documentation of each operation, and
 * its operations' ids (MemberResource_…), which generated clients use as method names, come from this class's name.
 */
@Path("/api/v1/members")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Party members (đảng viên): profiles, status changes with their decisions, probation")
public class MemberResource {
    private final VietnamClock clock;
    private final ExportJobs exports;
    private final MemberService service;
    private final MemberQueries queries;
    private final IdempotencyKeys idempotency;
    private final AuditTrail audit;
    private final vn.grassroots.membership.service.ReportService reports;
    private final vn.grassroots.membership.service.TrainingService training;
    private final vn.grassroots.membership.service.PdfReport pdf;
    private final vn.grassroots.membership.service.MemberImportService imports;
    private final vn.grassroots.membership.service.DisciplineService disciplines;
    private final vn.grassroots.membership.service.MemberImportJobs jobs;
    private final vn.grassroots.membership.service.RemovalReviewService reviews;

    public MemberResource(VietnamClock clock, ExportJobs exports, MemberService service, MemberQueries queries,
            IdempotencyKeys idempotency, AuditTrail audit, vn.grassroots.membership.service.ReportService reports,
            vn.grassroots.membership.service.TrainingService training, vn.grassroots.membership.service.PdfReport pdf,
            vn.grassroots.membership.service.MemberImportService imports,
            vn.grassroots.membership.service.DisciplineService disciplines,
            vn.grassroots.membership.service.MemberImportJobs jobs,
            vn.grassroots.membership.service.RemovalReviewService reviews) {
        this.clock = clock;
        this.exports = exports;
        this.service = service;
        this.queries = queries;
        this.idempotency = idempotency;
        this.audit = audit;
        this.reports = reports;
        this.training = training;
        this.pdf = pdf;
        this.imports = imports;
        this.disciplines = disciplines;
        this.jobs = jobs;
        this.reviews = reviews;
    }

    @Context
    UriInfo uri;

    @POST
    @Path("/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import members from a CSV file (nhập danh sách đảng viên)", description = """
            Registers many members at once from a CSV file (UTF-8, a byte order mark is allowed, comma separated,             RFC 4180 quoting, header on line 1, at most 64 MB, about 300,000 rows). Every row passes the rules of             POST /api/v1/members: field constraints, the initial status and its dates, an ACTIVE cell or party group of             your scope, a party card number unique in the file and among all members. Admin, organizer, integration.

            Columns, by English field name or Vietnamese header (case, spaces and diacritics ignored; order free;             required ones marked *): fullName = Họ và tên / Họ tên *; birthDate = Ngày sinh *; gender = Giới tính *;             ethnicity = Dân tộc; religion = Tôn giáo; citizenId = Số CCCD / CCCD / Số căn cước công dân;             phone = Điện thoại / Số điện thoại; email = Email; homeTown = Quê quán;             educationLevel = Trình độ học vấn / Học vấn; theoryLevel = Lý luận chính trị / Trình độ lý luận chính trị *;             occupation = Nghề nghiệp; partyCardNumber = Số thẻ đảng / Số thẻ đảng viên;             admissionDate = Ngày vào Đảng / Ngày kết nạp *; officialDate = Ngày chính thức;             organizationId = Mã chi bộ / Mã tổ chức đảng * (the organization id); status = Trạng thái *; id (optional).             The export's "Tổ chức đảng" column (organization name) is ignored; any other unknown column is refused (400).

            Values: dates yyyy-mm-dd or dd/mm/yyyy; gender MALE/FEMALE or Nam/Nữ; theoryLevel NONE, ELEMENTARY,             INTERMEDIATE, ADVANCED, BACHELOR or Chưa có/Không, Sơ cấp, Trung cấp, Cao cấp, Cử nhân; status PROBATIONARY,             OFFICIAL, EXEMPT or Dự bị, Chính thức, Miễn sinh hoạt. Empty cells are absent values.

            mode=all-or-nothing (default): any bad row and nothing is imported (422 with the report).             mode=valid-rows: the good rows are imported, the bad ones reported (200). The report lists every problem             of every bad row with its line (header = line 1), field and reason, and the counts. The import runs in one             transaction with JDBC batches of 1,000 rows; each member gets the same registered event and state record             as a single registration, and the import is one audit entry (action members.imported, entity MemberImport).             Without Prefer, the call is synchronous and answers with the report (100,000 rows take well under a minute; behind \
            the gateway, whose upstream timeout is 10 s, use the background mode for large files). With the header \
            `Prefer: respond-async` the file is checked up to its header, then imported in the background: 202 with \
            Location /api/v1/members/imports/{id}, where the progress (rows validated, rows written, percent) and in the end \
            the same report can be read. One import runs at a time and one more may wait; beyond that 503.""")
    @APIResponse(responseCode = "202", description = "Prefer: respond-async: queued; Location names the import to follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportApi.View.class)))
    @APIResponse(responseCode = "503", description = "Prefer: respond-async and two imports are already running or waiting")
    @APIResponse(responseCode = "200", description = "Imported (valid-rows: the good rows); the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.ImportReport.class)))
    @APIResponse(responseCode = "422", description = "all-or-nothing and some rows are bad: nothing imported; problem details with the report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Views.ImportRefused.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, no header, unknown, repeated or missing columns, or a bad mode")
    @APIResponse(responseCode = "413", description = "The file is larger than allowed")
    public Response importMembers(byte[] body,
            @Parameter(description = "all-or-nothing (default) or valid-rows") @QueryParam("mode") @DefaultValue("all-or-nothing") String mode,
            @Parameter(description = "respond-async: import in the background and follow its progress") @HeaderParam("Prefer") String prefer) {
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            ImportApi.View job = ImportApi.View.of(jobs.start(body == null ? new byte[0] : body, mode));
            return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/v1/members/imports").path(job.id().toString()).build())
                    .header("Preference-Applied", "respond-async").build();
        }
        vn.grassroots.common.imports.ImportReport done = imports.importCsv(body == null ? new byte[0] : body, mode);
        Views.ImportReport report = Views.ImportReport.of(done);
        boolean refused = done.refused();
        return refused ? Response.status(422).type(Problem.MEDIA_TYPE).entity(Views.ImportRefused.of(done)).build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/imports/{importId}")
    @Operation(summary = "Progress of a background import (tiến độ nhập danh sách)", description = "Status, phase, rows validated and written, "
            + "percent, and when finished the report (or, FAILED, the problem). For the one who started it and for admins.")
    public ImportApi.View importProgress(@PathParam("importId") UUID importId) {
        return ImportApi.View.of(jobs.get(importId));
    }

    @POST
    @Operation(summary = "Register a member (đăng ký đảng viên)", description = "Registers a member admitted before (e.g. from an existing list) in an ACTIVE cell or party group of your scope. Admin, organizer, integration. New members come from the admission pipeline.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.MemberView.class)))
    public Response create(@NotNull @Valid Commands.CreateMember request,
            @Parameter(description = "Makes a retried create safe: the first answer is replayed") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, request, () -> {
            Views.MemberView created = Views.MemberView.of(service.create(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/members").path(created.id().toString()).build())
                    .tag(ETags.tag(created.version())).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "List and search members", description = "Members in your scope (a member sees only themself), ordered by name, one page at a time. "
            + "`q` ignores Vietnamese diacritics (nguyen finds Nguyễn). citizenId is masked.")
    public Page<Views.MemberView> list(
            @Parameter(description = SearchText.QUERY) @QueryParam("q") String q,
            @Parameter(description = "Party card number (số thẻ đảng viên), exact") @QueryParam("partyCardNumber") String card,
            @Parameter(description = "Statuses, repeated or comma-separated") @QueryParam("status") List<String> statuses,
            @QueryParam("gender") List<String> genders,
            @Parameter(description = "UNDER_30, FROM_30_TO_40, FROM_41_TO_50, FROM_51_TO_60, OVER_60") @QueryParam("ageBand") List<String> ageBands,
            @QueryParam("theoryLevel") List<String> theoryLevels,
            @Parameter(description = "Only members of this organization …") @QueryParam("organizationId") String organizationId,
            @Parameter(description = "… and (default true) of its whole subtree") @QueryParam("includeDescendants") String includeDescendants,
            @Parameter(description = "Year of admission (năm kết nạp)") @QueryParam("admissionYear") String admissionYear,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        var filter = new MemberFilter(null, null, null, null, q, card,
                QueryParams.enums("status", MemberStatus.class, statuses), QueryParams.enums("gender", Gender.class, genders),
                QueryParams.enums("ageBand", AgeBand.class, ageBands), QueryParams.enums("theoryLevel", TheoryLevel.class, theoryLevels),
                QueryParams.year("admissionYear", admissionYear, 1930, false), null, false);
        return queries.list(filter, QueryParams.uuid("organizationId", organizationId),
                QueryParams.bool("includeDescendants", includeDescendants, true), cursor, Cursor.limit(limit))
                        .map(Views.MemberView::of);
    }

    @GET
    @Path("/probation-ending")
    @Operation(summary = "Probations ending soon (đảng viên dự bị sắp hết thời gian dự bị)", description = "Probationary members of your scope whose 12 months of probation end within the next `days` days (default 30, at most 366), including those already past the end and not yet decided.")
    public Page<Views.MemberView> probationEnding(@QueryParam("days") Integer days, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        int n = days == null ? 30 : days;
        if (n < 0 || n > 366) {
            throw ProblemException.invalid("days", "must be between 0 and 366");
        }
        var filter = new MemberFilter(null, null, null, null, null, null, null, null, null, null, null,
                clock.today().plusDays(n), false);
        return queries.list(filter, null, true, cursor, Cursor.limit(limit)).map(Views.MemberView::of);
    }

    @GET
    @Path("/needing-transfer")
    @Operation(summary = "Members needing a transfer (cần chuyển sinh hoạt)", description = "Current members (PROBATIONARY, OFFICIAL, EXEMPT) of your scope whose organization was dissolved or merged: nobody is lost.")
    public Page<Views.MemberView> needingTransfer(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        var filter = new MemberFilter(null, null, null, null, null, null, null, null, null, null, null, null, true);
        return queries.list(filter, null, true, cursor, Cursor.limit(limit)).map(Views.MemberView::of);
    }

    @GET
    @Path("/statistics")
    @Operation(summary = "Statistics of a subtree (thống kê đảng viên)", description = "Counts by status, gender, age band, ethnicity and theory level; admissions per year with the rate against the members at the start of the year and the 3-4% target. Default subtree: your scope.")
    public ReportViews.Statistics statistics(@QueryParam("organizationId") String organizationId, @QueryParam("fromYear") String fromYear,
            @QueryParam("toYear") String toYear) {
        return ReportViews.Statistics.of(reports.statistics(QueryParams.uuid("organizationId", organizationId),
                QueryParams.year("fromYear", fromYear, 1930, false), QueryParams.year("toYear", toYear, 1930, false)));
    }

    @GET
    @Path("/statistics.pdf")
    @Produces("application/pdf")
    @Operation(summary = "Printable statistics of a subtree (báo cáo thống kê đảng viên)", description = "The figures of /statistics "
            + "for the same parameters, as a PDF with the glossary's Vietnamese names, tables and charts: members by status, age band, "
            + "gender, ethnicity and theory level, and the admissions of each year against the 3-4 % band.")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response statisticsPdf(@QueryParam("organizationId") String organizationId, @QueryParam("fromYear") String fromYear,
            @QueryParam("toYear") String toYear) {
        return PrintedReport.response(pdf.statistics(QueryParams.uuid("organizationId", organizationId), QueryParams.year("fromYear", fromYear, 1930, false),
                QueryParams.year("toYear", toYear, 1930, false)), "thong-ke-dang-vien.pdf");
    }

    @GET
    @Path("/badges")
    @Operation(summary = "Party badges due in a year (huy hiệu tuổi Đảng)", description = "Current members of the subtree who reach 30, 40, 45, 50, 55, 60, 65 … years of membership in `year` (default: this year), counted from the admission date.")
    public Page<ReportViews.Badge> badges(@QueryParam("year") String year, @QueryParam("organizationId") String organizationId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Integer y = QueryParams.year("year", year, 1930, false);
        return reports.badges(QueryParams.uuid("organizationId", organizationId), y == null ? clock.today().getYear() : y,
                cursor, Cursor.limit(limit)).map(ReportViews.Badge::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a member", description = "The ETag header carries the version, for If-Match on updates. citizenId is shown in full to admin, organizer, integration and the member themself.")
    public RestResponse<Views.MemberView> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Views.MemberView view = Views.MemberView.of(service.get(id));
        return ETags.read(view, view.version(), ifNoneMatch);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a member's profile", description = "Needs If-Match: 428 without it, 412 when stale. Status and organization change only by their operations. Admin, organizer, integration, and the secretary of the member's cell.")
    public RestResponse<Views.MemberView> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Commands.UpdateProfile request) {
        return ETags.ok(Views.MemberView.of(service.update(id, ifMatch, request)));
    }

    @POST
    @Path("/{id}/status-changes")
    @Operation(summary = "Change a member's status with its decision", description = "PROBATIONARY → OFFICIAL is the official recognition (công nhận chính thức): refused (409) before 12 months of probation. "
            + "Also EXEMPT (miễn sinh hoạt), REMOVED (xóa tên), EXPELLED (khai trừ), DECEASED (từ trần), TRANSFERRED_OUT (chuyển ra ngoài). Final statuses change no more. If-Match optional. Admin, organizer, integration.")
    public RestResponse<Views.MemberView> changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Commands.StatusChange request) {
        return ETags.ok(Views.MemberView.of(service.changeStatus(id, ifMatch, request)));
    }

    @GET
    @Path("/{id}/status-history")
    @Operation(summary = "Status history (quá trình thay đổi trạng thái)", description = "Every status change, oldest first, with its decision and who recorded it.")
    public List<HistoryViews.StatusChangeView> history(@PathParam("id") UUID id) {
        return service.history(id).stream().map(HistoryViews.StatusChangeView::of).toList();
    }

    @POST
    @Path("/{id}/training")
    @Operation(summary = "Record a training course (đào tạo, bồi dưỡng)", description = "Political theory or defence-security course with level, institution and dates. Admin, organizer, integration, and the secretary of the member's cell.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordViews.TrainingRecord.class)))
    public Response recordTraining(@PathParam("id") UUID id, @NotNull @Valid Commands.RecordTraining request) {
        return Response.status(201).entity(RecordViews.TrainingRecord.of(training.record(id, request))).build();
    }

    @GET
    @Path("/{id}/training")
    @Operation(summary = "Training records of a member", description = "Oldest first; readable by whoever may read the member (a member: their own).")
    public List<RecordViews.TrainingRecord> training(@PathParam("id") UUID id) {
        return training.list(id).stream().map(RecordViews.TrainingRecord::of).toList();
    }

    @POST
    @Path("/{id}/disciplines")
    @Operation(summary = "Record a discipline (kỷ luật đảng viên)", description = "Reprimand (khiển trách), warning (cảnh cáo) or dismissal (cách chức) with its decision. "
            + "Expulsion (khai trừ) is the status change to EXPELLED, which is recorded here too. Publishes vn.grassroots.member.disciplined, "
            + "which the evaluations service uses (a member disciplined in the year is not rated above COMPLETED). Admin, organizer, integration.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordViews.DisciplineView.class)))
    @APIResponse(responseCode = "409", description = "The member is no longer a member")
    @APIResponse(responseCode = "422", description = "EXPULSION (use the status change), or the decision predates the admission")
    public Response recordDiscipline(@PathParam("id") UUID id, @NotNull @Valid Commands.RecordDiscipline request) {
        return Response.status(201).entity(RecordViews.DisciplineView.of(disciplines.record(id, request))).build();
    }

    @GET
    @Path("/{id}/disciplines")
    @Operation(summary = "Disciplines of a member", description = "Oldest first; readable by whoever may read the member (a member: their own).")
    public List<RecordViews.DisciplineView> disciplines(@PathParam("id") UUID id) {
        return disciplines.list(id).stream().map(RecordViews.DisciplineView::of).toList();
    }

    @GET
    @Path("/{id}/unexcused-absences")
    @Operation(summary = "Unexcused absences of a member (vắng sinh hoạt không có lý do)", description = "As the meetings service reported them, newest month first.")
    public List<ReviewViews.Absence> unexcusedAbsences(@PathParam("id") UUID id) {
        return reviews.absences(id).stream().map(ReviewViews.Absence::of).toList();
    }

    @GET
    @Path("/removal-reviews")
    @Operation(summary = "Members the cell should consider removing (xem xét xóa tên)", description = """
            Members of your subtree (still PROBATIONARY, OFFICIAL or EXEMPT) with unexcused absences from cell meetings in three \
            different months of the year (Điều lệ Đảng, Điều 8: bỏ sinh hoạt đảng ba tháng trong năm không có lý do chính đáng), \
            with the absences as evidence. The removal itself is the status change to REMOVED with the decision.""")
    public Page<ReviewViews.View> removalReviews(@Parameter(description = "Year, default this year") @QueryParam("year") String year,
            @Parameter(description = "Only this organization's subtree") @QueryParam("organizationId") String organizationId,
            @QueryParam("cursor") String cursor, @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        return reviews.list(QueryParams.year("year", year, 1930, false), QueryParams.uuid("organizationId", organizationId),
                cursor, Cursor.limit(limit)).map(ReviewViews.View::of);
    }

    /** The filters of an export, as query parameters: those of the list. */
    public static class ExportQuery {
        @QueryParam("q")
        @Parameter(description = SearchText.QUERY)
        String q;
        @QueryParam("partyCardNumber")
        String partyCardNumber;
        @QueryParam("status")
        List<String> status;
        @QueryParam("gender")
        List<String> gender;
        @QueryParam("ageBand")
        List<String> ageBand;
        @QueryParam("theoryLevel")
        List<String> theoryLevel;
        @QueryParam("organizationId")
        String organizationId;
        @QueryParam("includeDescendants")
        String includeDescendants;
        @QueryParam("admissionYear")
        String admissionYear;
        @QueryParam("codes")
        @Parameter(description = "true: the codes (MALE, OFFICIAL), ISO dates and English headers, for machines; default false: "
                + "Vietnamese headers and names (Nam, Chính thức) and dates as 29/11/2026, for people")
        String codes;

        boolean machine() {
            return QueryParams.bool("codes", codes, false);
        }

        MemberFilter filter() {
            return new MemberFilter(null, null, null, null, q, partyCardNumber,
                    QueryParams.enums("status", MemberStatus.class, status), QueryParams.enums("gender", Gender.class, gender),
                    QueryParams.enums("ageBand", AgeBand.class, ageBand), QueryParams.enums("theoryLevel", TheoryLevel.class, theoryLevel),
                    QueryParams.year("admissionYear", admissionYear, 1930, false), null, false);
        }

        UUID organization() {
            return QueryParams.uuid("organizationId", organizationId);
        }

        boolean descendants() {
            return QueryParams.bool("includeDescendants", includeDescendants, true);
        }
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @Operation(summary = "Export a filtered list as CSV", description = "The same filters as the list, every page, UTF-8 with a byte order mark "
            + "(opens in Excel); citizen ids are left out. Vietnamese headers, names and dates, which the member import reads back; "
            + "codes=true for the identifiers. More than 100,000 members: 422 export-too-large; start a background export "
            + "with POST instead.")
    @APIResponse(responseCode = "422", description = "Too many rows for a direct download (export-too-large)")
    @APIResponse(responseCode = "200", description = "The members as CSV (UTF-8 with a byte order mark)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@BeanParam ExportQuery query) {
        MemberFilter filter = query.filter();
        UUID org = query.organization();
        boolean descendants = query.descendants();
        exports.requireDirect(cap -> queries.count(filter, org, descendants), "POST /api/v1/members/export (same query parameters)");
        return Response.ok(ExportJobs.direct(membersCsv(filter, org, descendants, query.machine(), false)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dang-vien.csv\"").build();
    }

    @POST
    @Path("/export")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export a filtered list as CSV in the background (xuất danh sách chạy nền)", description = "The same filters and "
            + "file as GET /export, of any size (a province or the country): 202 with the export; follow its progress at Location and "
            + "download /api/v1/members/exports/{id}/file when it is SUCCEEDED.")
    @APIResponse(responseCode = "202", description = "Export queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportJobs.Export.class)))
    @APIResponse(responseCode = "503", description = "Five exports are running or waiting already (exports-busy, Retry-After)")
    public Response exportInBackground(@BeanParam ExportQuery query) {
        MemberFilter filter = query.filter();
        UUID org = query.organization();
        boolean descendants = query.descendants();
        queries.requireReadable(org);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", filter.nameQuery());
        params.put("partyCardNumber", filter.partyCardNumber());
        params.put("status", filter.statuses());
        params.put("gender", filter.genders());
        params.put("ageBand", filter.ageBands());
        params.put("theoryLevel", filter.theoryLevels());
        params.put("organizationId", org);
        params.put("includeDescendants", descendants);
        params.put("admissionYear", filter.admissionYear());
        params.put("codes", query.machine());
        return exports.accepted(exports.start("members.csv", params, "dang-vien.csv", "text/csv; charset=UTF-8",
                membersCsv(filter, org, descendants, query.machine(), true)), "/api/v1/members/exports/");
    }

    /** The members CSV, read in one pass by name; counted first when it is a background export. */
    private ExportJobs.Writer membersCsv(MemberFilter filter, UUID org, boolean descendants, boolean machine, boolean count) {
        return out -> {
            if (count) {
                out.expect(queries.count(filter, org, descendants));
            }
            out.text(Csv.BOM + (machine ? "fullName,birthDate,gender,ethnicity,religion,theoryLevel,partyCardNumber,admissionDate,"
                    + "officialDate,status,organizationName\r\n"
                    : "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Trình độ lý luận chính trị,Số thẻ đảng viên,Ngày vào Đảng,"
                            + "Ngày chính thức,Trạng thái,Tổ chức đảng\r\n"));
            queries.stream(filter, org, descendants, "m.fullName, m.birthDate, m.gender, m.ethnicity, m.religion, m.theoryLevel, "
                    + "m.partyCardNumber, m.admissionDate, m.officialDate, m.status", r -> {
                        if (!machine) {
                            for (int i = 0; i < r.length; i++) {
                                r[i] = Vietnamese.text(r[i]);
                            }
                        }
                        try {
                            out.row(Csv.line(r));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        };
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Audit trail of this service", description = "Who changed what, when, before and after: auditors and admins, for their subtree.")
    public Page<AuditTrail.Entry> audit(@QueryParam("entityId") String entityId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return audit.list(entityId, cursor, limit);
    }



}
