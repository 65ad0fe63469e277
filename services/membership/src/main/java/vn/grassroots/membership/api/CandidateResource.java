package vn.grassroots.membership.api;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.grassroots.common.idempotency.IdempotencyKeys;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.membership.domain.AdmissionStep;
import vn.grassroots.membership.service.CandidateService;
import vn.grassroots.membership.service.Commands;

@Path("/api/v1/candidates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Candidates", description = "The admission pipeline (phát triển đảng viên): candidate → awareness course → application → cell vote → superior decision → admitted")
public class CandidateResource {
    private final CandidateService service;
    private final IdempotencyKeys idempotency;

    public CandidateResource(CandidateService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Propose a candidate (quần chúng ưu tú)", description = "In an ACTIVE cell or party group of your scope. Admin, organizer, integration, secretary.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CandidateView.class)))
    public Response create(@NotNull @Valid Commands.CreateCandidate request,
            @Parameter(description = "Makes a retried create safe") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, request, () -> {
            Views.CandidateView created = Views.CandidateView.of(service.create(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/candidates").path(created.id().toString()).build())
                    .tag(ETags.tag(created.version())).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "List candidates", description = "Candidates in your scope, ordered by name; `stage` filters by the last step recorded.")
    public Page<Views.CandidateView> list(@QueryParam("stage") List<String> stages, @Parameter(description = SearchText.QUERY) @QueryParam("q") String q,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(QueryParams.enums("stage", AdmissionStep.class, stages), q, cursor, Cursor.limit(limit))
                .map(Views.CandidateView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a candidate and the steps recorded")
    public RestResponse<Views.CandidateView> get(@PathParam("id") UUID id) {
        Views.CandidateView view = Views.CandidateView.of(service.get(id));
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/steps")
    @Operation(summary = "Record the next admission step", description = "Steps come only in order (409 otherwise): AWARENESS_COURSE_COMPLETED (certificate date), APPLIED, CELL_VOTED (resolution number), "
            + "SUPERIOR_APPROVED (decision number), ADMITTED (admission date and decision number: creates the probationary member). "
            + "Secretaries record steps up to CELL_VOTED; the superior decision and admission need admin, organizer or integration. If-Match optional.")
    public RestResponse<Views.CandidateView> record(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Commands.RecordStep request) {
        Views.CandidateView view = Views.CandidateView.of(service.record(id, ifMatch, request));
        return ETags.ok(view, view.version());
    }
}
