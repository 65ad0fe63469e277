package vn.grassroots.evaluations.api;

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
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.evaluations.domain.RatingState;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.service.Commands;
import vn.grassroots.evaluations.service.CycleService;
import vn.grassroots.evaluations.service.RatingService;

@Path("/api/v1/evaluations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CycleResource {
    private static final String SUBJECT = "Path segment `members` (đảng viên) or `organizations` (tổ chức đảng)";

    private final CycleService cycles;
    private final RatingService ratings;
    private final vn.grassroots.evaluations.service.RatingImportService ratingImports;
    private final vn.grassroots.evaluations.service.RatingImportJobs ratingJobs;
    private final IdempotencyKeys idempotency;
    private final AuditTrail audit;

    public CycleResource(CycleService cycles, RatingService ratings,
            vn.grassroots.evaluations.service.RatingImportService ratingImports,
            vn.grassroots.evaluations.service.RatingImportJobs ratingJobs, IdempotencyKeys idempotency,
            AuditTrail audit) {
        this.cycles = cycles;
        this.ratings = ratings;
        this.ratingImports = ratingImports;
        this.ratingJobs = ratingJobs;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @Context
    UriInfo uri;

    @POST
    @Path("/cycles")
    @Tag(name = "Cycles")
    @Operation(summary = "Open an evaluation cycle (mở đợt đánh giá, xếp loại)", description = "A year, a scope (the subtree of an organization "
            + "in your scope) and a policy in force that year (BEFORE-2018 for earlier years' records). One cycle per year and scope organization. "
            + "Publishes vn.grassroots.evaluation.cycle-opened. Admin, organizer, integration.")
    @APIResponse(responseCode = "201", description = "Opened; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CycleView.class)))
    @APIResponse(responseCode = "409", description = "A cycle of that year and scope exists")
    @APIResponse(responseCode = "422", description = "Unknown organization or policy, or the policy is not in force that year")
    public Response open(@NotNull @Valid Commands.OpenCycle request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(key, request, () -> {
            Views.CycleView c = Views.CycleView.of(cycles.open(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/evaluations/cycles").path(c.id().toString()).build())
                    .tag(ETags.tag(c.version())).entity(c).build();
        });
    }

    @GET
    @Path("/cycles")
    @Tag(name = "Cycles", description = "Đợt đánh giá, xếp loại chất lượng: year, scope and policy")
    @Operation(summary = "List evaluation cycles", description = "Cycles whose subtree lies in yours or contains your organization, newest year first.")
    public Page<Views.CycleView> list(@Parameter(description = "Only this year") @QueryParam("year") String year,
            @QueryParam("cursor") String cursor, @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        return cycles.list(QueryParams.year("year", year, 1950, false), cursor, limit).map(Views.CycleView::of);
    }

    @GET
    @Path("/cycles/{id}")
    @Tag(name = "Cycles")
    @Operation(summary = "Read an evaluation cycle", description = "With the number of ratings made in it. ETag = version.")
    public RestResponse<Views.CycleView> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Views.CycleView c = Views.CycleView.of(cycles.get(id));
        return ETags.read(c, c.version(), ifNoneMatch);
    }

    @PUT
    @Path("/cycles/{id}/policy")
    @Tag(name = "Cycles")
    @Operation(summary = "Change the policy of a cycle", description = "Only while no rating exists in the cycle (409 cycle-has-ratings after), "
            + "and only to a policy in force in the cycle's year. If-Match required. Admin, organizer, integration.")
    @APIResponse(responseCode = "409", description = "Ratings exist (cycle-has-ratings) or the cycle is closed")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    @APIResponse(responseCode = "200", description = "The cycle with its new policy; ETag = version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CycleView.class)))
    public RestResponse<Views.CycleView> changePolicy(@PathParam("id") UUID id, @NotNull @Valid Commands.ChangePolicy request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(Views.CycleView.of(cycles.changePolicy(id, request, ifMatch)));
    }

    @POST
    @Consumes(MediaType.WILDCARD) // an action without a body: any or no Content-Type
    @Path("/cycles/{id}/close")
    @Tag(name = "Cycles")
    @Operation(summary = "Close a cycle (kết thúc đợt đánh giá)", description = "No more ratings change afterwards. Publishes "
            + "vn.grassroots.evaluation.cycle-closed. If-Match optional. Admin, organizer, integration.")
    public RestResponse<Views.CycleView> close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(Views.CycleView.of(cycles.close(id, ifMatch)));
    }

    @POST
    @Path("/cycles/{id}/ratings/bulk")
    @Operation(summary = "Rate many members or organizations at once (xếp loại theo danh sách)", description = """
            Up to 100 items of one cycle (about 3 s on two cores), each with the steps to take in order: self-assessment, proposal, decision (each \
            optional; an item may carry all three, e.g. for a past year's register). Each step is taken as its single \
            call takes it: the same rights (a decision by the superior), rules, caps, quotas and events. Where the policy \
            has no criteria for the subject type (BEFORE-2018), an item needs no self-assessment. All or nothing: any \
            refused item and nothing is recorded (422 bulk-refused, every refused item listed with its index).""")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.BulkResult.class)))
    @APIResponse(responseCode = "422", description = "Some items are refused (bulk-refused): nothing recorded")
    public Views.BulkResult bulk(@PathParam("id") UUID id, @NotNull @Valid Commands.Bulk request) {
        return Views.BulkResult.of(ratings.bulk(id, request));
    }

    @POST
    @Path("/cycles/{id}/ratings/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import past ratings from CSV (nhập kết quả xếp loại các năm trước)", description = """
            A past year's register of ratings (e.g. the 2017 cycle), so that year-over-year comparison has history: one row \
            per member or organization, each taken as an item of POST /cycles/{id}/ratings/bulk with its level as proposal \
            and decision (UTF-8, a byte order mark is allowed, comma separated, RFC 4180 quoting, header on line 1, at \
            most 1 MiB, about 10,000 rows). The same rule code as bulk: the decision by a superior organization of the \
            subject, in your scope, a subject known here, a level of the cycle's policy, caps and quotas; where the \
            policy has no criteria for the subject type (BEFORE-2018) no self-assessment is needed, otherwise one must \
            exist. The cycle must be open. Admin, organizer, integration, secretary.

            Columns, by English field name or Vietnamese header (case, spaces and diacritics ignored; order free; \
            required ones marked *): subjectType = Đối tượng / Loại đối tượng * (MEMBER = Đảng viên, ORGANIZATION = \
            Tổ chức / Tổ chức đảng); subjectId = Mã đối tượng / Mã * (the member's or organization's id); \
            level = Xếp loại / Mức xếp loại / Kết quả xếp loại * (a level code of the cycle's policy or its Vietnamese \
            name, e.g. EXCELLENT = Hoàn thành xuất sắc nhiệm vụ, CLEAN_AND_STRONG = Trong sạch vững mạnh); \
            comment = Ghi chú / Nhận xét / note (the decision's note). Họ và tên / Họ tên / Tên / Tên tổ chức / \
            subjectName / fullName are read and ignored; any other column is refused (400 bad-csv-header).

            Rows are taken in file order, so a quota counts the decided ratings of the cycle and the rows before it. \
            mode=all-or-nothing (default): every row is checked, and any bad row (a quota broken, a subject outside your \
            scope or unknown, a level not of the policy …) means nothing is recorded (422 import-refused with the report). \
            mode=valid-rows: the bad rows are left out and the rest is taken again, until every row left passes; so a \
            row that passed a quota only thanks to a row left out is refused in its turn (reported with the quota), and \
            what is recorded passes every rule as recorded (200 with the report). With `Prefer: respond-async`: 202 with \
            Location /api/v1/evaluations/imports/{id} (progress and, at the end, the report). One import runs at a time \
            and one more may wait; beyond that 503.""")
    @APIResponse(responseCode = "200", description = "Recorded (valid-rows: the rows that pass); the report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = vn.grassroots.common.imports.ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Prefer: respond-async: queued; Location names the import to follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = vn.grassroots.common.imports.ImportJob.class)))
    @APIResponse(responseCode = "422", description = "all-or-nothing and some rows are bad: nothing recorded; problem details with the report",
            content = @Content(mediaType = vn.grassroots.common.problem.Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = vn.grassroots.common.imports.ImportRefused.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, no header, unknown, repeated or missing columns, or a bad mode")
    @APIResponse(responseCode = "409", description = "The cycle is closed")
    @APIResponse(responseCode = "413", description = "The file is larger than 1 MiB")
    @APIResponse(responseCode = "503", description = "Prefer: respond-async and two imports are already running or waiting")
    public Response importRatings(@PathParam("id") UUID id, byte[] body,
            @Parameter(description = "all-or-nothing (default) or valid-rows") @QueryParam("mode") @jakarta.ws.rs.DefaultValue("all-or-nothing") String mode,
            @Parameter(description = "respond-async: import in the background and follow its progress") @HeaderParam("Prefer") String prefer) {
        byte[] file = body == null ? new byte[0] : body;
        if (vn.grassroots.common.imports.ImportJobs.async(prefer)) {
            vn.grassroots.common.imports.ImportJob job = ratingJobs.start(id, file, mode);
            return vn.grassroots.common.imports.ImportJobs.accepted(job,
                    uri.getBaseUriBuilder().path("api/v1/evaluations/imports").path(job.id().toString()).build());
        }
        return vn.grassroots.common.imports.ImportJobs.answer(ratingImports.importCsv(id, file, mode));
    }

    @GET
    @Path("/imports/{importId}")
    @Tag(name = "Ratings")
    @Operation(summary = "Progress of a background ratings import (tiến độ nhập kết quả xếp loại)", description = "Status, phase, rows "
            + "validated and written, percent, and when finished the report (or, FAILED, the problem). For the one who started it and for admins.")
    public vn.grassroots.common.imports.ImportJob importProgress(@PathParam("importId") UUID importId) {
        return ratingJobs.get(importId);
    }

    @GET
    @Path("/cycles/{id}/ratings")
    @Tag(name = "Ratings", description = "Xếp loại chất lượng: self-assessment (tự đánh giá) → proposal (đề xuất) → decision (quyết định)")
    @Operation(summary = "List the ratings of a cycle", description = "Ratings in your subtree (or under organizationId), by name, one page at a time.")
    public Page<Views.RatingView> ratings(@PathParam("id") UUID id,
            @Parameter(description = "MEMBER or ORGANIZATION") @QueryParam("subjectType") String subjectType,
            @Parameter(description = "SELF_ASSESSED, SELF_ASSESSMENT_RETURNED, PROPOSED, PROPOSAL_RETURNED, DECIDED") @QueryParam("state") String state,
            @Parameter(description = "Decided level code, e.g. EXCELLENT") @QueryParam("level") String level,
            @Parameter(description = "Only the subtree of this organization") @QueryParam("organizationId") String organizationId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return ratings.list(id, QueryParams.one("subjectType", SubjectType.class, subjectType),
                QueryParams.one("state", RatingState.class, state), level, QueryParams.uuid("organizationId", organizationId), cursor, limit)
                        .map(Views.RatingView::of);
    }

    @GET
    @Path("/cycles/{id}/{subject}/{subjectId}/rating")
    @Tag(name = "Ratings")
    @Operation(summary = "Read the rating of a member or an organization", description = "The workflow so far and, beside the self-assessment, "
            + "what the platform knows for the year (read only): attendance rate and unexcused absences (sinh hoạt), tasks assigned and completed "
            + "on time (nhiệm vụ), disciplines (kỷ luật). Before any self-assessment only the inputs are shown. A member reads their own.")
    @APIResponse(responseCode = "200", description = "The rating; ETag = version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.RatingView.class)))
    @APIResponse(responseCode = "422", description = "The subject is not known to this service yet (unknown-*, Retry-After)")
    public RestResponse<Views.RatingView> rating(@PathParam("id") UUID id, @Parameter(description = SUBJECT) @PathParam("subject") String subject,
            @PathParam("subjectId") UUID subjectId) {
        Views.RatingView r = Views.RatingView.of(ratings.get(id, Params.subject(subject), subjectId));
        return r.id() == null ? RestResponse.ok(r) : ETags.ok(r);
    }

    @POST
    @Path("/cycles/{id}/{subject}/{subjectId}/rating/self-assessment")
    @Tag(name = "Ratings")
    @Operation(summary = "Self-assess (tự đánh giá)", description = "Points per criteria group of the cycle's policy (each within its maximum, all "
            + "groups required; none for a policy without points) and a text. The platform's inputs are recorded beside it and cannot be sent "
            + "(unknown fields are refused). The member themself (token member_id), or a secretary, organizer, admin or integration in scope. "
            + "Allowed again until the proposal, or after the proposal step sent it back. A member or organization is rated once a year.")
    @APIResponse(responseCode = "200", description = "The rating; ETag = version")
    @APIResponse(responseCode = "409", description = "Cycle closed, already proposed/decided, or rated in another cycle of the year")
    public RestResponse<Views.RatingView> selfAssess(@PathParam("id") UUID id, @Parameter(description = SUBJECT) @PathParam("subject") String subject,
            @PathParam("subjectId") UUID subjectId, @NotNull @Valid Commands.SelfAssess request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(Views.RatingView.of(ratings.selfAssess(id, Params.subject(subject), subjectId, request, ifMatch)));
    }

    @POST
    @Path("/cycles/{id}/{subject}/{subjectId}/rating/proposal")
    @Tag(name = "Ratings")
    @Operation(summary = "Propose a level (đề xuất của chi bộ / cấp ủy)", description = "After the self-assessment; a level code of the cycle's policy. "
            + "Secretary, organizer, admin or integration whose subtree holds the rated organization (a member's cell).")
    @APIResponse(responseCode = "409", description = "No self-assessment (self-assessment-missing) or already decided")
    @APIResponse(responseCode = "200", description = "The rating with its proposal; ETag = version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.RatingView.class)))
    public RestResponse<Views.RatingView> propose(@PathParam("id") UUID id, @Parameter(description = SUBJECT) @PathParam("subject") String subject,
            @PathParam("subjectId") UUID subjectId, @NotNull @Valid Commands.Level request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(Views.RatingView.of(ratings.propose(id, Params.subject(subject), subjectId, request, ifMatch)));
    }

    @POST
    @Path("/cycles/{id}/{subject}/{subjectId}/rating/decision")
    @Tag(name = "Ratings")
    @Operation(summary = "Decide the level (quyết định của cấp trên), final", description = "After the self-assessment and the proposal. The decider "
            + "belongs to an organization strictly above the rated one (a cell's secretary cannot decide their own cell's ratings: 403 "
            + "decider-not-superior). The policy's caps (e.g. disciplined in the year → at most COMPLETED: 422 cap-exceeded) and quotas (e.g. "
            + "excellent ≤ 20% of good in the organization: 422 quota-exceeded) are checked; the refusal names the rule, its source and the excess. "
            + "Publishes vn.grassroots.evaluation.rating-decided.")
    @APIResponse(responseCode = "403", description = "Not a superior organization (decider-not-superior) or out of scope")
    @APIResponse(responseCode = "409", description = "No self-assessment (self-assessment-missing), no proposal (proposal-missing), already decided")
    @APIResponse(responseCode = "422", description = "A cap or a quota of the policy is exceeded")
    @APIResponse(responseCode = "200", description = "The decided rating; ETag = version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.RatingView.class)))
    public RestResponse<Views.RatingView> decide(@PathParam("id") UUID id, @Parameter(description = SUBJECT) @PathParam("subject") String subject,
            @PathParam("subjectId") UUID subjectId, @NotNull @Valid Commands.Level request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(Views.RatingView.of(ratings.decide(id, Params.subject(subject), subjectId, request, ifMatch)));
    }

    @POST
    @Path("/cycles/{id}/{subject}/{subjectId}/rating/send-back")
    @Tag(name = "Ratings")
    @Operation(summary = "Send a step back with a reason (trả lại)", description = "A proposed rating returns to the proposal (by a superior who may "
            + "decide); a self-assessed one returns to the self-assessment (by the cell or committee). A decision is final.")
    public RestResponse<Views.RatingView> sendBack(@PathParam("id") UUID id, @Parameter(description = SUBJECT) @PathParam("subject") String subject,
            @PathParam("subjectId") UUID subjectId, @NotNull @Valid Commands.SendBack request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(Views.RatingView.of(ratings.sendBack(id, Params.subject(subject), subjectId, request, ifMatch)));
    }

    @GET
    @Path("/audit")
    @Tag(name = "Audit")
    @Operation(summary = "Audit trail (nhật ký thay đổi)", description = "Who changed what and when in your subtree, newest first. Auditors and admins.")
    public Page<AuditTrail.Entry> audit(@QueryParam("entityId") String entityId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return audit.list(entityId, cursor, limit);
    }
}
