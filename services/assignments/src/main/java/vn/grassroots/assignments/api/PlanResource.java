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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.grassroots.assignments.service.Commands;
import vn.grassroots.assignments.service.PlanService;
import vn.grassroots.common.idempotency.IdempotencyKeys;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;

@Path("/api/v1/plans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Plans (kế hoạch) issued by an organization for a period, grouping tasks (nhiệm vụ)")
public class PlanResource {
    private final PlanService service;
    private final IdempotencyKeys idempotency;

    public PlanResource(PlanService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Issue a plan (ban hành kế hoạch)", description = "A plan of an ACTIVE organization of your subtree for a period, e.g. carrying out a central resolution (thực hiện nghị quyết Trung ương). Its tasks name the organizations or people responsible. Admin, organizer, secretary, integration.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.PlanView.class)))
    @APIResponse(responseCode = "403", description = "The organization is outside your subtree")
    public Response create(@NotNull @Valid Commands.CreatePlan request,
            @Parameter(description = "Makes a retried create safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, request, () -> {
            Views.PlanView created = Views.PlanView.of(service.create(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/plans").path(created.id().toString()).build())
                    .tag(ETags.tag(created.version())).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "List plans", description = "Plans of organizations in your subtree (or organizationId's), by id, one page at a time.")
    public Page<Views.PlanView> list(@QueryParam("organizationId") String organizationId, @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        return service.list(QueryParams.uuid("organizationId", organizationId), cursor, limit).map(Views.PlanView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a plan", description = "With its ETag; 304 for a matching If-None-Match.")
    public RestResponse<Views.PlanView> get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Views.PlanView p = Views.PlanView.of(service.get(AssignmentResource.pathId(id)));
        return ETags.read(p, p.version(), ifNoneMatch);
    }

    @GET
    @Path("/{id}/progress")
    @Operation(summary = "Progress of a plan (tiến độ thực hiện kế hoạch)", description = "Of the plan's tasks not cancelled: the share done (hoàn thành), done on time (đúng hạn), done late (trễ hạn) and open past their due date (quá hạn), counted in SQL.")
    public Views.PlanProgress progress(@PathParam("id") String id) {
        return Views.PlanProgress.of(service.progress(AssignmentResource.pathId(id)));
    }
}
