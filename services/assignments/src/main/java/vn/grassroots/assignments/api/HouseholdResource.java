package vn.grassroots.assignments.api;

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
import vn.grassroots.assignments.service.HouseholdService;
import vn.grassroots.common.idempotency.IdempotencyKeys;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;

@Path("/api/v1/households")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Households", description = "Households (hộ gia đình) of residential cells (chi bộ thôn, bản, tổ dân phố), to assign members to them")
public class HouseholdResource {
    private final HouseholdService service;
    private final IdempotencyKeys idempotency;

    public HouseholdResource(HouseholdService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Register a household (đăng ký hộ gia đình)", description = "A household of an ACTIVE residential cell (sector RESIDENTIAL, GRASSROOTS_CELL or SUBORDINATE_CELL) of your subtree: address, head of household (chủ hộ), number of people (nhân khẩu), notes. Admin, organizer, secretary, integration.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.HouseholdView.class)))
    @APIResponse(responseCode = "403", description = "The cell is outside your subtree")
    @APIResponse(responseCode = "422", description = "Unknown or inactive organization, or not a residential cell")
    public Response create(@NotNull @Valid Commands.HouseholdRequest request,
            @Parameter(description = "Makes a retried create safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, request, () -> {
            Views.HouseholdView created = Views.HouseholdView.of(service.create(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/households").path(created.id().toString()).build())
                    .tag(ETags.tag(created.version())).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "List households", description = "Households of the cells in your subtree (or in organizationId's subtree), by id, one page at a time.")
    public Page<Views.HouseholdView> list(@QueryParam("organizationId") String organizationId,
            @QueryParam("cursor") String cursor, @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        return service.list(QueryParams.uuid("organizationId", organizationId), cursor, limit).map(Views.HouseholdView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a household", description = "With its ETag; 304 for a matching If-None-Match.")
    public RestResponse<Views.HouseholdView> get(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Views.HouseholdView h = Views.HouseholdView.of(service.get(AssignmentResource.pathId(id)));
        return ETags.read(h, h.version(), ifNoneMatch);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a household", description = "Replaces the household's fields; If-Match with the ETag you read is required.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public RestResponse<Views.HouseholdView> update(@PathParam("id") String id, @NotNull @Valid Commands.HouseholdRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return ETags.ok(Views.HouseholdView.of(service.update(AssignmentResource.pathId(id), request, ifMatch)));
    }
}
