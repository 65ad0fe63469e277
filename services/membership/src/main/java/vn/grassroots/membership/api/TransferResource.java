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
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.membership.domain.Transfer;
import vn.grassroots.membership.service.Commands;
import vn.grassroots.membership.service.TransferService;

@Path("/api/v1/transfers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Transfers", description = "Transfers of Party activities (chuyển sinh hoạt đảng), official and temporary")
public class TransferResource {
    private final TransferService service;
    private final IdempotencyKeys idempotency;

    public TransferResource(TransferService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Issue a transfer (sending side)", description = "With the introduction letter's number and date, to an ACTIVE cell or party group (a dissolved one: 422). "
            + "OFFICIAL: the member is in transit, counted by neither side, until the receiving side accepts. TEMPORARY: needs endDate; the member keeps the home cell. "
            + "A transfer out of the platform is a status change to TRANSFERRED_OUT. Admin, organizer, integration with the member in scope.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransferViews.View.class)))
    public Response issue(@NotNull @Valid Commands.IssueTransfer request, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, request, () -> {
            TransferViews.View view = TransferViews.View.of(service.issue(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/transfers").path(view.id().toString()).build())
                    .tag(ETags.tag(view.version())).entity(view).build();
        });
    }

    @GET
    @Operation(summary = "Transfers of your subtree", description = "`direction=incoming` (default) arriving in your subtree, `outgoing` leaving it; `status=PENDING` for those waiting.")
    public Page<TransferViews.View> list(@Parameter(description = "incoming or outgoing") @QueryParam("direction") String direction,
            @QueryParam("status") List<String> statuses, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        boolean incoming;
        if (direction == null || direction.isBlank() || direction.equalsIgnoreCase("incoming")) {
            incoming = true;
        } else if (direction.equalsIgnoreCase("outgoing")) {
            incoming = false;
        } else {
            throw ProblemException.invalid("direction", "must be incoming or outgoing");
        }
        return service.list(incoming, QueryParams.enums("status", Transfer.Status.class, statuses), cursor,
                Cursor.limit(limit)).map(TransferViews.View::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a transfer", description = "Readable on both sides.")
    public RestResponse<TransferViews.View> get(@PathParam("id") UUID id) {
        TransferViews.View view = TransferViews.View.of(service.get(id));
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Accept a transfer (receiving side)", description = "OFFICIAL: the member becomes a member of the receiving organization (event transferred). TEMPORARY: active in the host cell until the end date. Admin, organizer, integration or secretary with the receiving organization in scope.")
    public RestResponse<TransferViews.View> accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Commands.AcceptTransfer request) {
        TransferViews.View view = TransferViews.View.of(service.accept(id, ifMatch, request));
        return ETags.ok(view, view.version());
    }
}
