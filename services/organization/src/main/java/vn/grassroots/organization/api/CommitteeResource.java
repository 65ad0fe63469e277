package vn.grassroots.organization.api;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.grassroots.organization.service.Commands;
import vn.grassroots.organization.service.CommitteeService;

@Path("/api/v1/organizations/{organizationId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Committees and regulations", description = "Committees per term (cấp ủy, nhiệm kỳ), seats (bí thư, phó bí thư, ủy viên ban thường vụ, cấp ủy viên) and working regulations (quy chế làm việc)")
public class CommitteeResource {
    private final CommitteeService service;

    public CommitteeResource(CommitteeService service) {
        this.service = service;
    }

    @GET
    @Path("/committees")
    @Operation(summary = "Committees of an organization, newest term first")
    public List<Views.CommitteeView> list(@PathParam("organizationId") UUID organizationId) {
        return service.list(organizationId).stream().map(Views.CommitteeView::of).toList();
    }

    @POST
    @Path("/committees")
    @Operation(summary = "Record the committee of a term", description = "One committee per organization and term; 409 for a second.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CommitteeView.class)))
    @APIResponse(responseCode = "409", description = "The organization has a committee of this term already")
    public Response create(@PathParam("organizationId") UUID organizationId, @NotNull @Valid Commands.CreateCommittee request) {
        Views.CommitteeView c = Views.CommitteeView.of(service.create(organizationId, request));
        return Response.created(URI.create("/api/v1/organizations/" + organizationId + "/committees/" + c.id())).entity(c).build();
    }

    @GET
    @Path("/committees/{committeeId}")
    public Views.CommitteeView get(@PathParam("organizationId") UUID organizationId, @PathParam("committeeId") UUID committeeId) {
        return Views.CommitteeView.of(service.get(organizationId, committeeId));
    }

    @POST
    @Path("/committees/{committeeId}/positions")
    @Operation(summary = "Seat a member", description = "At most one sitting secretary, and one seat per member, per committee (409).")
    public Views.CommitteeView assign(@PathParam("organizationId") UUID organizationId, @PathParam("committeeId") UUID committeeId,
            @NotNull @Valid Commands.AssignPosition request) {
        return Views.CommitteeView.of(service.assign(organizationId, committeeId, request));
    }

    @POST
    @Path("/committees/{committeeId}/positions/{positionId}/end")
    @Operation(summary = "End a seat")
    public Views.CommitteeView end(@PathParam("organizationId") UUID organizationId, @PathParam("committeeId") UUID committeeId,
            @PathParam("positionId") UUID positionId, @NotNull @Valid Commands.EndPosition request) {
        return Views.CommitteeView.of(service.end(organizationId, committeeId, positionId, request));
    }

    @GET
    @Path("/regulations")
    @Operation(summary = "Working regulations, newest first")
    public List<Views.RegulationView> regulations(@PathParam("organizationId") UUID organizationId) {
        return service.regulations(organizationId).stream().map(Views.RegulationView::of).toList();
    }

    @POST
    @Path("/regulations")
    @Operation(summary = "Record issued working regulations")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.RegulationView.class)))
    public Response issue(@PathParam("organizationId") UUID organizationId, @NotNull @Valid Commands.CreateRegulation request) {
        Views.RegulationView r = Views.RegulationView.of(service.issueRegulation(organizationId, request));
        return Response.status(201).entity(r).build();
    }
}
