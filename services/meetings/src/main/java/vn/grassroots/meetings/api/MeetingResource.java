package vn.grassroots.meetings.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.idempotency.IdempotencyKeys;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.meetings.domain.MeetingKind;
import vn.grassroots.meetings.domain.MeetingState;
import vn.grassroots.meetings.service.Commands;
import vn.grassroots.meetings.service.AgendaComments;
import vn.grassroots.meetings.service.MeetingHolding;
import vn.grassroots.meetings.service.MeetingQuality;
import vn.grassroots.meetings.service.MeetingQueries;
import vn.grassroots.meetings.service.MeetingService;
import vn.grassroots.meetings.service.QualityCriteria;

/**
 * The meetings' API. Longer than 300 lines on purpose: most of it is the OpenAPI documentation of each operation, and
 * its operations' ids (MeetingResource_…), which generated clients use as method names, come from this class's name.
 */
@Path("/api/v1/meetings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings", description = "Meetings (sinh hoạt chi bộ, sinh hoạt cấp ủy): schedule, publish the agenda ahead, comments (góp ý), attendance (điểm danh), minutes (biên bản), quality (chất lượng sinh hoạt)")
public class MeetingResource {
    private static final String IF_MATCH_DOC = "The ETag you read (optional for actions; checked when sent)";

    private final MeetingService service;
    private final MeetingQueries queries;
    private final AgendaComments comments;
    private final MeetingHolding holding;
    private final MeetingQuality quality;
    private final vn.grassroots.meetings.service.RegisterImportService registerImports;
    private final vn.grassroots.meetings.service.RegisterImportJobs registerJobs;
    private final IdempotencyKeys idempotency;
    private final AuditTrail audit;
    private final QualityCriteria criteria;
    private final ObjectMapper json;

    public MeetingResource(MeetingService service, MeetingQueries queries, AgendaComments comments,
            MeetingHolding holding, MeetingQuality quality,
            vn.grassroots.meetings.service.RegisterImportService registerImports,
            vn.grassroots.meetings.service.RegisterImportJobs registerJobs, IdempotencyKeys idempotency,
            AuditTrail audit, QualityCriteria criteria, ObjectMapper json) {
        this.service = service;
        this.queries = queries;
        this.comments = comments;
        this.holding = holding;
        this.quality = quality;
        this.registerImports = registerImports;
        this.registerJobs = registerJobs;
        this.idempotency = idempotency;
        this.audit = audit;
        this.criteria = criteria;
        this.json = json;
    }

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Schedule a meeting (lên lịch sinh hoạt)", description = "Creates a DRAFT meeting of an ACTIVE organization of your subtree, with its agenda and documents; publishes the `scheduled` event. ONLINE needs onlineLink, IN_PERSON a place, HYBRID both. Admin, organizer, integration, secretary.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.MeetingView.class)))
    @APIResponse(responseCode = "422", description = "Unknown or inactive organization")
    public Response create(@NotNull @Valid Commands.MeetingInput request,
            @Parameter(description = "Makes a retried create safe: the first answer is replayed") @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(key, request, () -> {
            MeetingViews.MeetingView created = MeetingViews.MeetingView.of(service.create(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/meetings").path(created.id().toString()).build())
                    .tag(ETags.tag(created.version())).entity(created).build();
        });
    }

    @POST
    @Path("/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a meeting register from CSV (nhập sổ sinh hoạt đã diễn ra)", description = """
            A cell's or district's register kept on paper: one row per meeting and member (UTF-8, a byte order mark is \
            allowed, comma separated, RFC 4180 quoting, header on line 1, at most 1 MiB, about 10,000 rows: split a larger \
            register by cell or year). Rows of the same organization, day and kind are one meeting, recorded as \
            POST /api/v1/meetings/past records it: held on that day at 07:30 (Asia/Ho_Chi_Minh), in person, in the \
            late-entry window (`meetings.late-entry.previous-years`: the current year and the one before), every member \
            of that day's roster marked and nobody else, attendance.enteredLate true, with the same events (unexcused \
            absences included) and audit entries. Keepers of the organizations (admin, organizer, integration, secretary) \
            in your scope.

            Columns, by English field name or Vietnamese header (case, spaces and diacritics ignored; order free; \
            required ones marked *): organizationId = Mã tổ chức / Mã tổ chức đảng / Mã chi bộ * (the organization id); \
            meetingDate = Ngày họp / Ngày sinh hoạt / date * (dd/mm/yyyy or yyyy-mm-dd); \
            kind = Loại / Loại sinh hoạt * (REGULAR = Định kỳ / Thường kỳ, THEMATIC = Chuyên đề, COMMITTEE = Cấp ủy, \
            EXTRAORDINARY = Bất thường, with or without "Sinh hoạt" before); memberId = Mã đảng viên *; \
            status = Điểm danh / Có mặt / Tình trạng / attendance * (PRESENT = Có mặt, ABSENT_EXCUSED = Vắng có lý do, \
            ABSENT_UNEXCUSED = Vắng không lý do / Vắng không có lý do); reason = Lý do (required for Vắng có lý do); \
            topic = Nội dung / Chủ đề (the meeting's topic, from its first row that has one; default "Sinh hoạt định kỳ \
            ngày dd/mm/yyyy"); place = Địa điểm (from its first row that has one; default "Không ghi trong sổ sinh \
            hoạt"). Họ và tên / Họ tên / fullName and Tên tổ chức / Tổ chức đảng / organizationName are read \
            and ignored; any other column is refused (400 bad-csv-header).

            A meeting is recorded whole or not at all: a bad row (unreadable cell, a date outside the window, a member \
            not on that day's roster, a member missing from it, an organization outside your scope) refuses its meeting, \
            and the meeting's other rows are reported with it ("not recorded: its meeting is refused for line N"). \
            mode=all-or-nothing (default): any bad row and nothing is recorded (422 import-refused with the report). \
            mode=valid-rows: the meetings whose rows are all good are recorded, the others reported (200). The report \
            lists every problem with its line (header = line 1), column and reason; imported counts the rows of the \
            recorded meetings. With `Prefer: respond-async` the file is checked up to its header, then imported in the \
            background: 202 with Location /api/v1/meetings/imports/{id} (progress and, at the end, the report). \
            One import runs at a time and one more may wait; beyond that 503.""")
    @APIResponse(responseCode = "200", description = "Recorded (valid-rows: the good meetings); the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = vn.grassroots.common.imports.ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Prefer: respond-async: queued; Location names the import to follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = vn.grassroots.common.imports.ImportJob.class)))
    @APIResponse(responseCode = "422", description = "all-or-nothing and some rows are bad: nothing recorded; problem details with the report",
            content = @Content(mediaType = vn.grassroots.common.problem.Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = vn.grassroots.common.imports.ImportRefused.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, no header, unknown, repeated or missing columns, or a bad mode")
    @APIResponse(responseCode = "413", description = "The file is larger than 1 MiB")
    @APIResponse(responseCode = "503", description = "Prefer: respond-async and two imports are already running or waiting")
    public Response importRegister(byte[] body,
            @Parameter(description = "all-or-nothing (default) or valid-rows") @QueryParam("mode") @jakarta.ws.rs.DefaultValue("all-or-nothing") String mode,
            @Parameter(description = "respond-async: import in the background and follow its progress") @HeaderParam("Prefer") String prefer) {
        byte[] file = body == null ? new byte[0] : body;
        if (vn.grassroots.common.imports.ImportJobs.async(prefer)) {
            vn.grassroots.common.imports.ImportJob job = registerJobs.start(file, mode);
            return vn.grassroots.common.imports.ImportJobs.accepted(job,
                    uri.getBaseUriBuilder().path("api/v1/meetings/imports").path(job.id().toString()).build());
        }
        return vn.grassroots.common.imports.ImportJobs.answer(registerImports.importCsv(file, mode));
    }

    @GET
    @Path("/imports/{importId}")
    @Operation(summary = "Progress of a background register import (tiến độ nhập sổ sinh hoạt)", description = "Status, phase, rows "
            + "validated and written, percent, and when finished the report (or, FAILED, the problem). For the one who started it and for admins.")
    public vn.grassroots.common.imports.ImportJob importProgress(@PathParam("importId") String importId) {
        return registerJobs.get(QueryParams.uuid("importId", importId));
    }

    @POST
    @Path("/past")
    @Operation(summary = "Record a meeting that took place (nhập bổ sung sinh hoạt đã diễn ra)", description = """
            For a register kept on paper: the meeting, its attendance and, if written, its minutes in one call, as if \
            scheduled, held and minuted in the usual steps (the same checks, events and audit entries). The meeting has \
            taken place, in the current year or the year before (`meetings.late-entry.previous-years`); its attendance \
            counts like a live one (unexcused absences, compliance) and says who entered it, when, and that it was late \
            (attendance.enteredLate). The usual steps work too: a DRAFT whose day has passed is recorded with /hold.""")
    @APIResponse(responseCode = "201", description = "Recorded as HELD; Location and ETag headers set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.MeetingView.class)))
    @APIResponse(responseCode = "422", description = "Ahead of now, before the late-entry window, an unknown organization, or an "
            + "attendance that does not match the roster of that day")
    public Response recordPast(@NotNull @Valid Commands.PastMeeting request,
            @Parameter(description = "Makes a retried call safe: the first answer is replayed") @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(key, request, () -> {
            MeetingViews.MeetingView recorded = MeetingViews.MeetingView.of(service.recordPast(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/meetings").path(recorded.id().toString()).build())
                    .tag(ETags.tag(recorded.version())).entity(recorded).build();
        });
    }

    @GET
    @Operation(summary = "List meetings of your subtree", description = "By start time, one page at a time. Filters: organization (with its subtree unless includeDescendants=false), meeting days from/to (yyyy-mm-dd), kinds, states. Subtree readers (admin, organizer, integration, secretary, auditor); members use /mine.")
    public Page<MeetingViews.MeetingSummary> list(@QueryParam("organizationId") String organizationId,
            @Parameter(description = "true (default): the organization's whole subtree") @QueryParam("includeDescendants") String includeDescendants,
            @Parameter(description = "First meeting day, yyyy-mm-dd") @QueryParam("from") String from,
            @Parameter(description = "Last meeting day, yyyy-mm-dd") @QueryParam("to") String to,
            @Parameter(description = "REGULAR, THEMATIC, COMMITTEE, EXTRAORDINARY; repeated or comma-separated") @QueryParam("kind") List<String> kinds,
            @Parameter(description = "DRAFT, PUBLISHED, HELD, MINUTES_APPROVED, CANCELLED") @QueryParam("state") List<String> states,
            @QueryParam("cursor") String cursor, @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        return queries.list(new MeetingQueries.ListFilter(QueryParams.uuid("organizationId", organizationId),
                QueryParams.bool("includeDescendants", includeDescendants, true), QueryParams.date("from", from), QueryParams.date("to", to),
                QueryParams.enums("kind", MeetingKind.class, kinds), QueryParams.enums("state", MeetingState.class, states)), cursor, limit)
                        .map(MeetingViews.MeetingSummary::of);
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My meetings (lịch sinh hoạt của tôi)", description = "The caller's calendar (token claim member_id): the published, held, approved and cancelled meetings of every organization where they are active (their cell, and the host cell of a temporary transfer), upcoming and past, by start time. `updatedSince` returns only meetings changed after that instant (delta sync). The page's ETag changes whenever its content does: send it as If-None-Match and an unchanged page costs a 304.")
    @APIResponse(responseCode = "200", description = "The page, with its ETag")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public RestResponse<Page<MeetingViews.MeetingSummary>> mine(@Parameter(description = "Only meetings changed after this instant (ISO 8601, e.g. 2026-11-01T00:00:00Z)") @QueryParam("updatedSince") String updatedSince,
            @QueryParam("cursor") String cursor, @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Instant since = QueryParams.instant("updatedSince", updatedSince);
        return ETags.readContent(queries.mine(since, cursor, limit).map(MeetingViews.MeetingSummary::of), json, ifNoneMatch);
    }

    @GET
    @Path("/quality-criteria")
    @Operation(summary = "The quality criteria set (bộ tiêu chí chất lượng sinh hoạt)", description = "Criteria codes and their maximum points (summing to 100), as configured (meetings.quality.criteria); the level follows the total: GOOD (tốt), FAIR (khá), AVERAGE (trung bình), WEAK (kém).")
    public List<Views.Criterion> criteria() {
        return criteria.criteria().entrySet().stream().map(e -> new Views.Criterion(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Audit trail of meetings (nhật ký thay đổi)", description = "Changes in your subtree, newest first, optionally of one meeting. Auditors and admins.")
    public Page<AuditTrail.Entry> auditTrail(@QueryParam("entityId") String entityId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return audit.list(entityId, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a meeting", description = "With its agenda, documents, attendance counts, minutes and quality. Subtree readers, or members of the organization for a non-draft meeting. If-None-Match with the current ETag gives 304.")
    @APIResponse(responseCode = "200", description = "The meeting, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.MeetingView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such meeting")
    public RestResponse<MeetingViews.MeetingView> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        MeetingViews.MeetingView v = MeetingViews.MeetingView.of(queries.read(id));
        return ETags.read(v, v.version(), ifNoneMatch);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a meeting's details", description = "Kind, format, time, place, link, topic, agenda and documents of a DRAFT or PUBLISHED meeting (a published one stays in the future). Agenda items keep their id (and comments) when sent with it. Refused once held (409 meeting-held), once its minutes are approved (409 meeting-frozen) or cancelled. Needs If-Match.")
    @APIResponse(responseCode = "409", description = "Held, minutes approved or cancelled")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "200", description = "The meeting as changed; ETag = version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.MeetingView.class)))
    public RestResponse<MeetingViews.MeetingView> update(@PathParam("id") UUID id, @NotNull @Valid Commands.MeetingInput request,
            @Parameter(description = "The ETag you read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(MeetingViews.MeetingView.of(service.update(id, request, ifMatch)));
    }

    @POST
    @Consumes(MediaType.WILDCARD) // an action without a body: any or no Content-Type
    @Path("/{id}/publish")
    @Operation(summary = "Publish a meeting (thông báo sinh hoạt)", description = "DRAFT → PUBLISHED: notifies the members ahead of time (event `published`); they can then read the agenda and comment. Refused for a meeting that starts in the past (422 meeting-in-past) or has no agenda item.")
    @APIResponse(responseCode = "422", description = "In the past, or no agenda")
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "200", description = "The published meeting; ETag = version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.MeetingView.class)))
    public RestResponse<MeetingViews.MeetingView> publish(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(MeetingViews.MeetingView.of(service.publish(id, ifMatch)));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a meeting (hủy sinh hoạt)", description = "A DRAFT or PUBLISHED meeting is cancelled with a reason (event `cancelled`).")
    public RestResponse<MeetingViews.MeetingView> cancel(@PathParam("id") UUID id, @NotNull @Valid Commands.Cancel request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(MeetingViews.MeetingView.of(service.cancel(id, request, ifMatch)));
    }

    @POST
    @Path("/{id}/hold")
    @Operation(summary = "Record the meeting as held, with its attendance (điểm danh)", description = """
            PUBLISHED → HELD, on or after the meeting day; or DRAFT → HELD for a meeting whose day has passed (entered \
            late, within the late-entry window; attendance.enteredLate). The roster is the members active in the organization on the \
            meeting day (temporary members included); every one of them is marked PRESENT, ABSENT_EXCUSED (with a reason) \
            or ABSENT_UNEXCUSED. Marking someone who is not on the roster is refused (422 not-a-member-of-organization): \
            guests go under guests, and a guest whose memberId is the superior committee member assigned to attend \
            (assignment ATTENDS_MEETINGS) counts as the superior's attendance. Quorum (hợp lệ): present official members \
            ≥ 2/3 of the official members summoned, exempt members not counted (configurable); a meeting below quorum is \
            recorded with quorumMet=false. Events: `held` with the counts, one `absence-unexcused` per unexcused absence.""")
    @APIResponse(responseCode = "422", description = "Someone not on the roster, a roster member not marked, or before the meeting day")
    @APIResponse(responseCode = "200", description = "The held meeting; ETag = version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.MeetingView.class)))
    public RestResponse<MeetingViews.MeetingView> hold(@PathParam("id") UUID id, @NotNull @Valid Commands.Hold request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(MeetingViews.MeetingView.of(holding.hold(id, request, ifMatch)));
    }

    @GET
    @Path("/{id}/attendance")
    @Operation(summary = "Roster and attendance", description = "Once held: each member's mark and the guests. Before: the members expected (đảng viên được triệu tập) as the roster stands today.")
    public MeetingViews.AttendanceRecord attendance(@PathParam("id") UUID id) {
        return MeetingViews.AttendanceRecord.of(queries.attendance(id));
    }

    @PUT
    @Path("/{id}/minutes")
    @Operation(summary = "Write the minutes (biên bản, nghị quyết, phê bình và tự phê bình, kết luận)", description = "Of a HELD meeting; refused once approved (409 meeting-frozen). Needs If-Match.")
    public RestResponse<MeetingViews.MeetingView> minutes(@PathParam("id") UUID id, @NotNull @Valid Commands.Minutes request,
            @Parameter(description = "The ETag you read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(MeetingViews.MeetingView.of(service.minutes(id, request, ifMatch)));
    }

    @POST
    @Consumes(MediaType.WILDCARD) // an action without a body: any or no Content-Type
    @Path("/{id}/minutes/approve")
    @Operation(summary = "Approve the minutes (thông qua biên bản)", description = "HELD → MINUTES_APPROVED: the meeting is frozen from then on (event `minutes-approved`).")
    public RestResponse<MeetingViews.MeetingView> approve(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(MeetingViews.MeetingView.of(service.approveMinutes(id, ifMatch)));
    }

    @PUT
    @Path("/{id}/quality")
    @Operation(summary = "Rate the meeting's quality (đánh giá chất lượng sinh hoạt)", description = "A score for every criterion of the configured set (GET /quality-criteria), each within its maximum; the total (0-100) gives the level. For a HELD or MINUTES_APPROVED meeting, until the superior has reviewed it. Event `quality-rated`.")
    public RestResponse<MeetingViews.MeetingView> rate(@PathParam("id") UUID id, @NotNull @Valid Commands.Quality request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(MeetingViews.MeetingView.of(quality.rate(id, request, ifMatch)));
    }

    @POST
    @Path("/{id}/quality/review")
    @Operation(summary = "Review the quality rating (cấp trên xem xét)", description = "By the superior: a keeper whose subtree strictly contains the meeting's organization (not the cell itself). Freezes the rating.")
    public RestResponse<MeetingViews.MeetingView> review(@PathParam("id") UUID id, @NotNull @Valid Commands.Review request,
            @Parameter(description = IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(MeetingViews.MeetingView.of(quality.review(id, request, ifMatch)));
    }

    @POST
    @Path("/{id}/comments")
    @Operation(summary = "Comment on an agenda item (góp ý)", description = "By a member active in the meeting's organization (token claim member_id), while the meeting is PUBLISHED. Anyone else is refused (403 not-a-member-of-organization).")
    @APIResponse(responseCode = "201", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingViews.CommentView.class)))
    @APIResponse(responseCode = "403", description = "Not a member of the organization")
    @APIResponse(responseCode = "409", description = "Not published, or already held")
    public Response comment(@PathParam("id") UUID id, @NotNull @Valid Commands.Comment request) {
        return Response.status(201).entity(MeetingViews.CommentView.of(comments.comment(id, request))).build();
    }

    @GET
    @Path("/{id}/comments")
    @Operation(summary = "Comments on the agenda", description = "The secretary and readers of the subtree see every comment; a member sees their own. Oldest first.")
    public Page<MeetingViews.CommentView> comments(@PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return comments.comments(id, cursor, limit).map(MeetingViews.CommentView::of);
    }
}
