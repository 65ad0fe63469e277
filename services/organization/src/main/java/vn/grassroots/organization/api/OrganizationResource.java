package vn.grassroots.organization.api;

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
import java.util.List;
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
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;
import vn.grassroots.common.web.ETags;
import vn.grassroots.common.web.QueryParams;
import vn.grassroots.organization.domain.OrganizationState;
import vn.grassroots.organization.domain.OrganizationStatus;
import vn.grassroots.organization.service.Commands;
import vn.grassroots.organization.service.OrganizationQuery;
import vn.grassroots.organization.service.OrganizationService;
import vn.grassroots.organization.service.Restructuring;

@Path("/api/v1/organizations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "The tree of Party organizations (cây tổ chức đảng) and its restructuring")
public class OrganizationResource {
    private final OrganizationService service;
    private final Restructuring restructuring;
    private final IdempotencyKeys idempotency;
    private final AuditTrail audit;

    public OrganizationResource(OrganizationService service, Restructuring restructuring, IdempotencyKeys idempotency,
            AuditTrail audit) {
        this.service = service;
        this.restructuring = restructuring;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Found an organization (thành lập)", description = "Creates an organization under a parent of an allowed type, inside your scope.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    public Response create(@NotNull @Valid Commands.CreateOrganization request,
            @Parameter(description = "Makes a retried create safe: the first answer is replayed") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, request, () -> {
            OrganizationView created = OrganizationView.of(service.create(request));
            return Response.created(uri.getBaseUriBuilder().path("api/v1/organizations").path(created.id().toString()).build())
                    .tag(ETags.tag(created.version())).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "List organizations", description = "Organizations in your scope, filtered, ordered by name, one page at a time. `q` ignores Vietnamese diacritics (nguyen finds Nguyễn).")
    public Page<OrganizationView> list(
            @Parameter(description = "Only this organization and its subtree") @QueryParam("within") String within,
            @Parameter(description = "Only direct children of this organization") @QueryParam("parentId") String parentId,
            @Parameter(description = "Types, repeated or comma-separated") @QueryParam("type") List<String> types,
            @QueryParam("sector") List<String> sectors,
            @QueryParam("status") List<String> statuses,
            @Parameter(description = SearchText.QUERY) @QueryParam("q") String q,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1 to 200, default 50") @QueryParam("limit") Integer limit) {
        var filter = filter(types, sectors, statuses, q, null, QueryParams.uuid("parentId", parentId));
        return views(service.list(filter, QueryParams.uuid("within", within), cursor, Cursor.limit(limit)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an organization", description = "The ETag header carries its version, for If-Match on updates.")
    public RestResponse<OrganizationView> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        OrganizationView view = OrganizationView.of(service.get(id));
        return ETags.read(view, view.version(), ifNoneMatch);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update an organization", description = "Needs If-Match with the ETag you read: 428 without it, 412 when someone changed it meanwhile.")
    public RestResponse<OrganizationView> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Commands.UpdateOrganization request) {
        return ETags.ok(OrganizationView.of(service.update(id, ifMatch, request)));
    }

    @GET
    @Path("/{id}/subtree")
    @Operation(summary = "All descendants (toàn bộ tổ chức trực thuộc)", description = "Every organization below this one at any depth, one indexed query; `maxDepth` counts levels below it.")
    public Page<OrganizationView> subtree(@PathParam("id") UUID id,
            @QueryParam("type") List<String> types, @QueryParam("sector") List<String> sectors,
            @QueryParam("status") List<String> statuses, @Parameter(description = SearchText.QUERY) @QueryParam("q") String q,
            @QueryParam("maxDepth") Integer maxDepth,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        if (maxDepth != null && maxDepth < 1) {
            throw vn.grassroots.common.problem.ProblemException.invalid("maxDepth", "must be at least 1");
        }
        return views(service.subtree(id, filter(types, sectors, statuses, q, maxDepth, null), cursor, Cursor.limit(limit)));
    }

    @GET
    @Path("/{id}/children")
    @Operation(summary = "Direct children (tổ chức trực thuộc trực tiếp)")
    public Page<OrganizationView> children(@PathParam("id") UUID id,
            @QueryParam("type") List<String> types, @QueryParam("status") List<String> statuses,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return views(service.children(id, filter(types, null, statuses, null, null, null), cursor, Cursor.limit(limit)));
    }

    @GET
    @Path("/{id}/ancestors")
    @Operation(summary = "Ancestors (các cấp trên), root first")
    public List<OrganizationView> ancestors(@PathParam("id") UUID id) {
        return service.ancestors(id).stream().map(OrganizationView::of).toList();
    }

    @GET
    @Path("/{id}/statistics")
    @Operation(summary = "Statistics of a subtree (thống kê)", description = "Counts by type and sector (active organizations) and by status (all), this organization included.")
    public Views.Statistics statistics(@PathParam("id") UUID id) {
        return Views.Statistics.of(service.statistics(id));
    }

    @POST
    @Path("/{id}/move")
    @Operation(summary = "Move under another parent (chuyển)", description = "The whole subtree moves; a parent inside the subtree is refused (cycle). If-Match optional.")
    public RestResponse<OrganizationView> move(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Commands.Move request) {
        return ETags.ok(OrganizationView.of(restructuring.move(id, ifMatch, request)));
    }

    @POST
    @Path("/merge")
    @Operation(summary = "Merge organizations (sáp nhập)", description = "The sources end as MERGED into the target; their sub-organizations move under the target. Answers the target.")
    public RestResponse<OrganizationView> merge(@NotNull @Valid Commands.Merge request) {
        return ETags.ok(OrganizationView.of(restructuring.merge(request)));
    }

    @POST
    @Path("/{id}/split")
    @Operation(summary = "Split an organization (chia tách)", description = "Creates the parts under the same parent, gives each sub-organization to one part, dissolves the original. Answers the parts.")
    public List<OrganizationView> split(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Commands.Split request) {
        return restructuring.split(id, ifMatch, request).stream().map(OrganizationView::of).toList();
    }

    @POST
    @Path("/{id}/dissolve")
    @Operation(summary = "Dissolve (giải thể)", description = "Refused with 409 while active sub-organizations remain. If-Match optional.")
    public RestResponse<OrganizationView> dissolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Commands.Dissolve request) {
        return ETags.ok(OrganizationView.of(restructuring.dissolve(id, ifMatch, request)));
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Audit trail (nhật ký thay đổi)", description = "Who changed what and when, before and after, newest first; auditors and administrators, within their scope.")
    public Page<AuditTrail.Entry> audit(@Parameter(description = "Only entries about this organization, committee or regulation") @QueryParam("entityId") String entityId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return audit.list(entityId, cursor, limit);
    }

    private static Page<OrganizationView> views(Page<OrganizationState> page) {
        return new Page<>(page.items().stream().map(OrganizationView::of).toList(), page.nextCursor());
    }

    private static OrganizationQuery filter(List<String> types, List<String> sectors, List<String> statuses,
            String q, Integer maxDepth, UUID parentId) {
        return new OrganizationQuery(parentId,
                QueryParams.enums("type", OrganizationType.class, types),
                QueryParams.enums("sector", Sector.class, sectors),
                QueryParams.enums("status", OrganizationStatus.class, statuses), q, maxDepth);
    }
}
