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
import jakarta.ws.rs.core.Context;
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
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.idempotency.IdempotencyKeys;
import vn.grassroots.common.paging.Page;
import vn.grassroots.evaluations.service.Commands;
import vn.grassroots.evaluations.service.PolicyService;

@Path("/api/v1/evaluations/policies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "Quy định đánh giá, xếp loại chất lượng as versioned data: levels, criteria groups, score bands, quotas (tỷ lệ) and caps (giới hạn)")
public class PolicyResource {
    private final PolicyService service;
    private final IdempotencyKeys idempotency;
    private final AuditTrail audit;

    public PolicyResource(PolicyService service, IdempotencyKeys idempotency, AuditTrail audit) {
        this.service = service;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List rating policies (quy định đánh giá)", description = "Built-in and custom policies by code. Built in: CURRENT-2018 "
            + "(Quy định 132-QĐ/TW, from 2018: 100 points, bands ≥90 / 70–<90 / 50–<70 / <50, excellent ≤ 20% of good in an organization, "
            + "disciplined in the year → at most COMPLETED) and BEFORE-2018 (organizations: trong sạch vững mạnh, hoàn thành tốt nhiệm vụ, "
            + "hoàn thành nhiệm vụ, yếu kém), for entering and reporting earlier years. Any authenticated caller.")
    public Page<Views.PolicyView> list(@QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        return service.list(cursor, limit).map(Views.PolicyView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a rating policy (quy định đánh giá)")
    @APIResponse(responseCode = "404", description = "No such policy")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.PolicyView.class)))
    public Views.PolicyView get(@PathParam("id") UUID id) {
        return Views.PolicyView.of(service.get(id));
    }

    @POST
    @Operation(summary = "Create a custom rating policy (quy định tùy chỉnh)", description = "A new regulation is a new policy: policies are never edited, "
            + "so the ratings made under one keep their meaning. Levels need unique codes and ranks (1 = highest) and bands descending with the rank; "
            + "quotas and caps must name existing levels, each with its source (căn cứ). Admin, organizer.")
    @APIResponse(responseCode = "201", description = "Created; Location set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.PolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid policy (the offending fields are listed)")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@NotNull @Valid Commands.CreatePolicy request,
            @Parameter(description = "Makes a retried create safe") @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return idempotency.once(key, request, () -> {
            Views.PolicyView p = Views.PolicyView.of(service.create(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/evaluations/policies").path(p.id().toString()).build())
                    .entity(p).build();
        });
    }
}
