package vn.grassroots.common.export;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.grassroots.common.web.QueryParams;

/**
 * The progress and the file of a service's background exports; a service exposes them by a subclass with its own
 * {@code @Path} (under a prefix the gateway routes to it). Where an export starts is the report's own endpoint (POST).
 */
@Authenticated
public abstract class ExportResource {
    @Inject
    ExportJobs exports;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An export and its progress (tiến độ xuất tệp)", description = "Status, rows expected and written, percent; "
            + "for the one who started it and for admins (404 for anybody else). Kept for a day after it ends.")
    public ExportJobs.Export get(@PathParam("id") String id) {
        return exports.get(id(id));
    }

    @GET
    @Path("{id}/file")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "The file of a finished export", description = "Streamed as written; 409 while the export is not SUCCEEDED.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409", description = "Not finished, or failed")
    public Response file(@PathParam("id") String id) {
        ExportJobs.Export e = exports.get(id(id));
        return Response.ok(exports.file(e), e.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + e.fileName() + "\"").build();
    }

    private static UUID id(String id) {
        return QueryParams.uuid("id", id);
    }
}
