package vn.grassroots.evaluations.api;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.evaluations.service.Commands;
import vn.grassroots.evaluations.service.RecognitionService;

@Path("/api/v1/evaluations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecognitionResource {
    private final RecognitionService service;

    public RecognitionResource(RecognitionService service) {
        this.service = service;
    }

    @POST
    @Path("/cycles/{id}/recognitions")
    @Tag(name = "Recognition", description = "Công nhận chi bộ 4 tốt, đảng bộ cơ sở 4 tốt within a cycle")
    @Operation(summary = "Recognize a model cell or grassroots committee (công nhận chi bộ 4 tốt / đảng bộ cơ sở 4 tốt)", description = "A cell "
            + "(GRASSROOTS_CELL, SUBORDINATE_CELL → MODEL_CELL) or a grassroots committee (→ MODEL_GRASSROOTS_COMMITTEE) whose rating in the cycle is "
            + "decided at the policy's highest level, once per cycle; by a superior organization, as for decisions.")
    @APIResponse(responseCode = "201", description = "Recognized",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.RecognitionView.class)))
    @APIResponse(responseCode = "409", description = "Already recognized in the cycle, or the cycle is closed")
    @APIResponse(responseCode = "422", description = "Not a cell or grassroots committee, or not decided at the highest level")
    public Response recognize(@PathParam("id") UUID id, @NotNull @Valid Commands.Recognize request) {
        return Response.status(201).entity(Views.RecognitionView.of(service.recognize(id, request))).build();
    }

    @GET
    @Path("/cycles/{id}/recognitions")
    @Tag(name = "Recognition")
    @Operation(summary = "List the recognized model cells and committees of a cycle", description = "In your subtree, or under organizationId.")
    public Page<Views.RecognitionView> recognitions(@PathParam("id") UUID id,
            @Parameter(description = "Only the subtree of this organization") @QueryParam("organizationId") String organizationId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.recognitions(id, QueryParams.uuid("organizationId", organizationId), cursor, limit)
                .map(Views.RecognitionView::of);
    }

    @POST
    @Path("/cycles/{id}/inspections")
    @Tag(name = "Inspections", description = "Kiểm tra chuyên đề of cells before the rating, and its coverage")
    @Operation(summary = "Plan a thematic inspection of a cell (kế hoạch kiểm tra chuyên đề)", description = "A cell of the cycle's subtree; "
            + "by a superior organization (organizer, secretary of a higher committee, admin, integration).")
    @APIResponse(responseCode = "201", description = "Planned; ETag = version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.InspectionView.class)))
    @APIResponse(responseCode = "422", description = "Not a cell, unknown, or outside the cycle's subtree")
    public Response plan(@PathParam("id") UUID id, @NotNull @Valid Commands.PlanInspection request) {
        Views.InspectionView v = Views.InspectionView.of(service.plan(id, request));
        return Response.status(201).tag(ETags.tag(v.version())).entity(v).build();
    }

    @POST
    @Path("/inspections/{inspectionId}/result")
    @Tag(name = "Inspections")
    @Operation(summary = "Record the result of a thematic inspection (kết quả kiểm tra)", description = "Once, with the day it was done (not in "
            + "the future), the result (GOOD, SATISFACTORY, SHORTCOMINGS) and the findings. If-Match optional.")
    @APIResponse(responseCode = "409", description = "Already recorded")
    @APIResponse(responseCode = "200", description = "The inspection with its result; ETag = version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.InspectionView.class)))
    public RestResponse<Views.InspectionView> record(@PathParam("inspectionId") UUID inspectionId, @NotNull @Valid Commands.RecordInspection request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ETags.ok(Views.InspectionView.of(service.record(inspectionId, request, ifMatch)));
    }

    @GET
    @Path("/cycles/{id}/inspections")
    @Tag(name = "Inspections")
    @Operation(summary = "List the thematic inspections of a cycle", description = "In your subtree or under organizationId; state PLANNED or DONE.")
    public Page<Views.InspectionView> inspections(@PathParam("id") UUID id, @QueryParam("organizationId") String organizationId,
            @Parameter(description = "PLANNED or DONE") @QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        if (state != null && !state.matches("PLANNED|DONE")) {
            throw vn.grassroots.common.problem.ProblemException.invalid("state", "must be PLANNED or DONE");
        }
        return service.inspections(id, QueryParams.uuid("organizationId", organizationId), state, cursor, limit)
                .map(Views.InspectionView::of);
    }

    @GET
    @Path("/cycles/{id}/inspections/coverage")
    @Tag(name = "Inspections")
    @Operation(summary = "Coverage of thematic inspections (tỷ lệ chi bộ được kiểm tra chuyên đề)", description = "Of the active cells of the "
            + "subtree (yours or under organizationId) within the cycle: how many have an inspection planned, done, and done before the decision "
            + "on their own rating (or before any decision); percent = the last over the cells. The province's goal is 100%. One SQL aggregate.")
    public Views.Coverage coverage(@PathParam("id") UUID id, @QueryParam("organizationId") String organizationId) {
        return Views.Coverage.of(service.coverage(id, QueryParams.uuid("organizationId", organizationId)));
    }
}
