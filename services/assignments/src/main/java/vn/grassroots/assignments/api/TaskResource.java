package vn.grassroots.assignments.api;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.grassroots.assignments.domain.Enums.TaskState;
import vn.grassroots.assignments.service.Commands;
import vn.grassroots.assignments.service.OverdueCheck;
import vn.grassroots.assignments.service.TaskQueries;
import vn.grassroots.assignments.service.TaskService;
import vn.grassroots.common.idempotency.IdempotencyKeys;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;

@Path("/api/v1/tasks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Tasks (nhiệm vụ) with an assignee and a due date: progress reports (báo cáo tiến độ), completion, cancellation, overdue detection (quá hạn)")
public class TaskResource {
    private final TaskService service;
    private final TaskQueries queries;
    private final ObjectMapper json;
    private final OverdueCheck overdueCheck;
    private final VietnamClock clock;
    private final Caller caller;
    private final IdempotencyKeys idempotency;

    @Context
    UriInfo uri;

    /** Lets tests (and only where configured) run the overdue check for a day after today. */
    private final boolean futureAsOfAllowed;

    public TaskResource(TaskService service, TaskQueries queries, ObjectMapper json, OverdueCheck overdueCheck,
            VietnamClock clock, Caller caller, IdempotencyKeys idempotency,
            @ConfigProperty(name = "grassroots.tasks.future-as-of-allowed", defaultValue = "false") boolean futureAsOfAllowed) {
        this.service = service;
        this.queries = queries;
        this.json = json;
        this.overdueCheck = overdueCheck;
        this.clock = clock;
        this.caller = caller;
        this.idempotency = idempotency;
        this.futureAsOfAllowed = futureAsOfAllowed;
    }

    @POST
    @Operation(summary = "Assign a task (giao nhiệm vụ)", description = """
            A task issued by an ACTIVE organization of your subtree (or by the plan's organization when planId is given) to an active             member or an ACTIVE organization of the issuing organization's subtree, with a due date not in the past. State ASSIGNED.             Publishes vn.grassroots.task.assigned. Admin, organizer, secretary, integration.""")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.TaskView.class)))
    @APIResponse(responseCode = "403", description = "The issuing organization is outside your subtree")
    @APIResponse(responseCode = "422", description = "Unknown plan, member or organization; assignee outside the issuing organization's subtree")
    public Response create(@NotNull @Valid Commands.CreateTask request,
            @Parameter(description = "Makes a retried create safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, request, () -> {
            Views.TaskView created = Views.TaskView.of(service.create(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/tasks").path(created.id().toString()).build())
                    .tag(ETags.tag(created.version())).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "List tasks", description = "Tasks whose issuing or assignee organization is in your subtree, by id, one page at a time.")
    public Page<Views.TaskView> list(@QueryParam("planId") String planId, @QueryParam("assigneeId") String assigneeId,
            @Parameter(description = "ASSIGNED, IN_PROGRESS, DONE or CANCELLED") @QueryParam("state") String state,
            @Parameter(description = "true: only tasks announced overdue") @QueryParam("overdue") String overdue,
            @QueryParam("cursor") String cursor, @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        TaskState s = QueryParams.one("state", TaskState.class, state);
        return queries.list(QueryParams.uuid("planId", planId), QueryParams.uuid("assigneeId", assigneeId),
                s == null ? null : s.name(), QueryParams.bool("overdue", overdue, null), cursor, limit).map(Views.TaskView::of);
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My tasks (nhiệm vụ của tôi), for the mobile apps", description = """
            The tasks assigned to the member named by your token (claim member_id), oldest change first. updatedSince returns only the             tasks changed after that instant (sync). The answer carries an ETag over the page; send it back as If-None-Match and get 304             when nothing in the page changed.""")
    @APIResponse(responseCode = "200", description = "A page of your tasks, with its ETag")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag you sent")
    @APIResponse(responseCode = "403", description = "Your token names no member")
    public RestResponse<Page<Views.TaskView>> mine(@Parameter(description = "Instant, e.g. 2025-03-01T00:00:00Z") @QueryParam("updatedSince") String updatedSince,
            @QueryParam("cursor") String cursor, @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        Page<Views.TaskView> page = queries.mine(QueryParams.instant("updatedSince", updatedSince), cursor, limit)
                .map(Views.TaskView::of);
        return ETags.readContent(page, json, ifNoneMatch);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a task", description = "For readers of the issuing or assignee organization's subtree, and for the member assignee. ETag; 304 for a matching If-None-Match.")
    public RestResponse<Views.TaskView> get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Views.TaskView t = Views.TaskView.of(service.get(AssignmentResource.pathId(id)));
        return ETags.read(t, t.version(), ifNoneMatch);
    }

    @GET
    @Path("/{id}/progress")
    @Operation(summary = "Progress reports of a task", description = "Oldest first, one page at a time.")
    public Page<Views.ProgressView> progressReports(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return service.progressReports(AssignmentResource.pathId(id), cursor, limit).map(Views.ProgressView::of);
    }

    @POST
    @Path("/{id}/progress")
    @Operation(summary = "Report progress (báo cáo tiến độ)", description = "Only by the assignee: the member themself, or for an organization's task a writer of that organization's subtree. The task becomes IN_PROGRESS. Publishes vn.grassroots.task.progress-reported.")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "403", description = "You are not the assignee (not-assignee)")
    @APIResponse(responseCode = "409", description = "The task is DONE or CANCELLED (task-closed)")
    public RestResponse<Views.TaskView> reportProgress(@PathParam("id") String id, @NotNull @Valid Commands.ProgressReport request,
            @HeaderParam("If-Match") String ifMatch) {
        return ETags.ok(Views.TaskView.of(service.reportProgress(AssignmentResource.pathId(id), request, ifMatch)));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Complete a task (hoàn thành nhiệm vụ)", description = "By the assignee or the issuing organization. onTime = completedOn ≤ dueDate. Publishes vn.grassroots.task.completed (the evaluations service counts tasks completed on time).")
    @APIResponse(responseCode = "200", description = "Done")
    @APIResponse(responseCode = "403", description = "Neither the assignee nor the issuer")
    @APIResponse(responseCode = "409", description = "The task is cancelled (task-cancelled) or already done (task-done)")
    public RestResponse<Views.TaskView> complete(@PathParam("id") String id, @Valid Commands.CompleteTask request, @HeaderParam("If-Match") String ifMatch) {
        return ETags.ok(Views.TaskView.of(service.complete(AssignmentResource.pathId(id), request, ifMatch)));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a task (hủy nhiệm vụ)", description = "By the issuing organization, while the task is open. Publishes vn.grassroots.task.cancelled.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "409", description = "The task is DONE or CANCELLED (task-closed)")
    public RestResponse<Views.TaskView> cancel(@PathParam("id") String id, @NotNull @Valid Commands.CancelTask request, @HeaderParam("If-Match") String ifMatch) {
        return ETags.ok(Views.TaskView.of(service.cancel(AssignmentResource.pathId(id), request, ifMatch)));
    }

    @POST
    @Path("/overdue-checks")
    @Operation(summary = "Run the overdue check now (kiểm tra nhiệm vụ quá hạn)", description = "The scheduled job, on demand: flags every open task due before asOf (default today, Asia/Ho_Chi_Minh) and publishes vn.grassroots.task.overdue once per task. Admin and integration.")
    @APIResponse(responseCode = "200", description = "How many tasks became overdue")
    public Map<String, Object> overdueCheck(@Parameter(description = "The day to check for (not after today unless configured)") @QueryParam("asOf") String asOf) {
        caller.requireRole(Roles.ADMIN, Roles.INTEGRATION);
        LocalDate day = QueryParams.date("asOf", asOf);
        LocalDate now = clock.today();
        if (day == null) {
            day = now;
        } else if (day.isAfter(now) && !futureAsOfAllowed) {
            throw ProblemException.invalid("asOf", "must not be after today");
        }
        int n = overdueCheck.run(day);
        return Map.of("asOf", day.toString(), "detected", n);
    }
}
