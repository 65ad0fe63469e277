package vn.grassroots.assignments.api;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.grassroots.assignments.domain.Enums.AssignmentStatus;
import vn.grassroots.assignments.domain.Enums.CoverageLevel;
import vn.grassroots.assignments.domain.Enums.Role;
import vn.grassroots.assignments.service.AssignmentService;
import vn.grassroots.assignments.service.Commands;
import vn.grassroots.assignments.service.CoverageReports;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.idempotency.IdempotencyKeys;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.report.PrintedReport;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;

@Path("/api/v1/assignments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Monitoring assignments (phân công theo dõi, phụ trách): who follows which organization or household, coverage and the monthly attendance duty")
public class AssignmentResource {
    private final AssignmentService service;
    private final CoverageReports reports;
    private final vn.grassroots.assignments.service.PdfReport pdf;
    private final IdempotencyKeys idempotency;
    private final AuditTrail audit;
    private final VietnamClock clock;

    public AssignmentResource(AssignmentService service, CoverageReports reports,
            vn.grassroots.assignments.service.PdfReport pdf, IdempotencyKeys idempotency, AuditTrail audit,
            VietnamClock clock) {
        this.service = service;
        this.reports = reports;
        this.pdf = pdf;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Assign a person to an organization or household (phân công theo dõi, phụ trách)", description = """
            Links an active member (PROBATIONARY or OFFICIAL) to a target: an ACTIVE organization of your subtree, or a household of             a residential cell of your subtree, with a role (FOLLOWS theo dõi, IN_CHARGE phụ trách, ATTENDS_MEETINGS dự sinh hoạt chi bộ             hằng tháng, cells only), a period and the decision. decidingOrganizationId names the committee that decided it (the target's             organization or an ancestor, in your scope); its type gives the assignment's level: PROVINCIAL_COMMITTEE → PROVINCIAL,             DISTRICT_COMMITTEE / AFFILIATED_COMMITTEE → DISTRICT, others → GRASSROOTS. Publishes vn.grassroots.assignment.created.             Admin, organizer, secretary, integration.""")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.AssignmentView.class)))
    @APIResponse(responseCode = "403", description = "The target or the deciding organization is outside your subtree (out-of-scope)")
    @APIResponse(responseCode = "409", description = "The person already has this role on this target (duplicate-assignment)")
    @APIResponse(responseCode = "422", description = "Unknown or inactive member, organization or household; role not allowed for the target; deciding organization not above the target")
    public Response create(@NotNull @Valid Commands.CreateAssignment request,
            @Parameter(description = "Makes a retried create safe: the first answer is replayed") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, request, () -> {
            Views.AssignmentView created = Views.AssignmentView.of(service.create(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/assignments").path(created.id().toString()).build())
                    .tag(ETags.tag(created.version())).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "List assignments", description = "Assignments whose target organization (or household's cell) is in your subtree, by id, one page at a time.")
    public Page<Views.AssignmentView> list(
            @Parameter(description = "Only this organization's subtree") @QueryParam("organizationId") String organizationId,
            @Parameter(description = "Only this person's (đảng viên được phân công)") @QueryParam("personId") String personId,
            @Parameter(description = "Only this target (organization or household)") @QueryParam("targetId") String targetId,
            @Parameter(description = "ACTIVE or ENDED") @QueryParam("status") String status,
            @Parameter(description = "FOLLOWS, IN_CHARGE or ATTENDS_MEETINGS") @QueryParam("role") String role,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        AssignmentStatus s = QueryParams.one("status", AssignmentStatus.class, status);
        Role r = QueryParams.one("role", Role.class, role);
        return service.list(QueryParams.uuid("organizationId", organizationId), QueryParams.uuid("personId", personId),
                QueryParams.uuid("targetId", targetId), s == null ? null : s.name(), r == null ? null : r.name(), cursor, limit)
                        .map(Views.AssignmentView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an assignment", description = "With its ETag.")
    @APIResponse(responseCode = "200", description = "The assignment")
    @APIResponse(responseCode = "404", description = "No such assignment")
    public RestResponse<Views.AssignmentView> get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Views.AssignmentView a = Views.AssignmentView.of(service.get(pathId(id)));
        return ETags.read(a, a.version(), ifNoneMatch);
    }

    @POST
    @Path("/{id}/end")
    @Operation(summary = "End an assignment (kết thúc phân công)", description = "Ends an ACTIVE assignment with its reason (and day, default today). If-Match is checked when sent. Publishes vn.grassroots.assignment.ended.")
    @APIResponse(responseCode = "200", description = "Ended")
    @APIResponse(responseCode = "409", description = "Already ended (assignment-ended)")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    public RestResponse<Views.AssignmentView> end(@PathParam("id") String id, @NotNull @Valid Commands.EndAssignment request,
            @HeaderParam("If-Match") String ifMatch) {
        return ETags.ok(Views.AssignmentView.of(service.end(pathId(id), request, ifMatch)));
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Coverage of a subtree (mức độ phân công theo dõi)", description = """
            The coverage rule "cấp tỉnh nắm đến TCCSĐ; cấp huyện nắm đến chi bộ; đảng viên nắm đến hộ gia đình", counted in SQL for             the subtree of organizationId (default: your own subtree): ACTIVE grassroots organizations (GRASSROOTS_COMMITTEE,             GRASSROOTS_CELL) followed by an assignment in force of level PROVINCIAL; ACTIVE cells (GRASSROOTS_CELL, SUBORDINATE_CELL)             followed by one of level DISTRICT or PROVINCIAL; households of ACTIVE cells followed by any assignment in force. An             assignment is in force when ACTIVE and today lies in its period. List the gaps with /coverage/gaps.""")
    public Views.Coverage coverage(@Parameter(description = "Root of the subtree") @QueryParam("organizationId") String organizationId) {
        return Views.Coverage.of(reports.coverage(QueryParams.uuid("organizationId", organizationId)));
    }

    @GET
    @Path("/report.pdf")
    @Produces("application/pdf")
    @Operation(summary = "Printable report of a subtree (báo cáo phân công theo dõi và thực hiện kế hoạch)", description = "The coverage "
            + "of /coverage at its three levels, and the plans of the subtree whose period meets from-to (default: this year) with their "
            + "tasks done on time, late, overdue and open (as /plans/{id}/progress), the first 200 by period; Vietnamese, with charts, as a PDF.")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response report(@Parameter(description = "Root of the subtree") @QueryParam("organizationId") String organizationId,
            @Parameter(description = "Plans from this day, yyyy-mm-dd (default: 1 January of this year)") @QueryParam("from") String from,
            @Parameter(description = "Plans to this day, yyyy-mm-dd (default: 31 December of from's year)") @QueryParam("to") String to) {
        return PrintedReport.response(pdf.subtree(QueryParams.uuid("organizationId", organizationId), QueryParams.date("from", from),
                QueryParams.date("to", to)), "phan-cong-theo-doi.pdf");
    }

    @GET
    @Path("/coverage/gaps")
    @Operation(summary = "Gaps in coverage (chưa được phân công theo dõi)", description = "Grassroots organizations without a provincial-level assignment (level=GRASSROOTS), cells without a district-level one (CELL), households without any (HOUSEHOLD), by id, one page at a time.")
    public Page<Views.Gap> gaps(@QueryParam("organizationId") String organizationId,
            @Parameter(description = "GRASSROOTS, CELL or HOUSEHOLD", required = true) @QueryParam("level") String level,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        CoverageLevel l = QueryParams.one("level", CoverageLevel.class, level);
        if (l == null) {
            throw ProblemException.invalid("level", "is required: GRASSROOTS, CELL or HOUSEHOLD");
        }
        return reports.gaps(QueryParams.uuid("organizationId", organizationId), l, cursor, limit).map(Views.Gap::of);
    }

    @GET
    @Path("/attendance")
    @Operation(summary = "Monthly attendance duty (dự sinh hoạt chi bộ của cấp ủy viên cấp trên)", description = """
            For every ATTENDS_MEETINGS assignment on a cell of the subtree, valid during the months from..to: how many regular monthly             meetings (REGULAR) the cell held while the assignment was valid, from the meetings service's held events, and how many of             them the assignee attended as a superior attendee (superiorAttendeeIds), with the share. One row per assignee and cell,             filter by personId for one assignee. Default period: the current month.""")
    public Page<Views.AttendanceDuty> attendance(@QueryParam("organizationId") String organizationId,
            @QueryParam("personId") String personId,
            @Parameter(description = "First month, YYYY-MM", example = "2025-01") @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM", example = "2025-06") @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Months m = months(from, to);
        return reports.attendance(QueryParams.uuid("organizationId", organizationId),
                QueryParams.uuid("personId", personId), m.from(), m.to(), cursor, limit).map(Views.AttendanceDuty::of);
    }

    @GET
    @Path("/attendance/by-person")
    @Operation(summary = "Monthly attendance duty per assignee", description = "The attendance duty of /attendance summed per assignee over all the cells of the subtree they are assigned to attend: cells, regular meetings held, attended, share.")
    public Page<Views.PersonAttendance> attendanceByPerson(@QueryParam("organizationId") String organizationId,
            @Parameter(description = "First month, YYYY-MM", example = "2025-01") @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM", example = "2025-06") @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Months m = months(from, to);
        return reports.attendanceByPerson(QueryParams.uuid("organizationId", organizationId), m.from(), m.to(),
                cursor, limit).map(Views.PersonAttendance::of);
    }

    /** The period of the attendance reports: from defaults to the current month, to to from. */
    private record Months(YearMonth from, YearMonth to) {}

    private Months months(String from, String to) {
        YearMonth f = QueryParams.month("from", from, clock.thisMonth());
        return new Months(f, QueryParams.month("to", to, f));
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Audit trail of this service (nhật ký thay đổi)", description = "Who changed what, when, before and after (assignments, households, plans, tasks): auditors and admins, for their subtree.")
    public Page<AuditTrail.Entry> audit(@QueryParam("entityId") String entityId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return audit.list(entityId, cursor, limit);
    }

    /** The id in a path: 400 when it is not a UUID, like the services whose path ids are typed. */
    static UUID pathId(String id) {
        return QueryParams.uuid("id", id);
    }
}
