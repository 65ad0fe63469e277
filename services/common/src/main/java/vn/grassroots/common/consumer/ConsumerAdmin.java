package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.grassroots.common.problem.Problem;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Roles;

/**
 * The admin endpoints of a service's consumers; a service exposes them by a subclass with its own {@code @Path}
 * (under a prefix the gateway routes to it): list and replay the dead letters, rebuild the read models.
 */
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public abstract class ConsumerAdmin {
    @Inject
    DeadLetters deadLetters;

    @Inject
    IncomingEvents incoming;

    @Inject
    ChannelAppliers appliers;

    @Inject
    ReadModelRebuild rebuild;

    @GET
    @Path("dead-letters")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dead letters (thư chết) of this service's consumers", description = "Records a consumer could never apply "
            + "(not JSON, not a CloudEvent, refused by its validation, failing for a reason of their own), oldest first, "
            + "with the reason and where they came from. They are also on the service's dead-letter topic. Admin only.")
    public DeadLetters.DeadLetterPage list(@QueryParam("channel") @Parameter(description = "Only this channel, e.g. members-state") String channel,
            @QueryParam("pending") @DefaultValue("false") @Parameter(description = "Only those not replayed yet") boolean pending,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit) {
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalid("limit", "must be between 1 and 200");
        }
        long after;
        try {
            after = cursor == null || cursor.isBlank() ? 0 : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "not a cursor of this list");
        }
        return deadLetters.list(channel, pending, after, limit);
    }

    @POST
    @Path("dead-letters/{id}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay a dead letter after a fix", description = "Applies the record again through the same path as "
            + "its consumer, once: an event already applied is not applied again, and a dead letter already replayed is "
            + "answered as it is. 422 when it still cannot be applied (the reason is kept), 503 when the database is down. Admin only.")
    @APIResponse(responseCode = "200", description = "Applied (replayedAt set)")
    public DeadLetters.DeadLetter replay(@PathParam("id") long id) {
        DeadLetters.DeadLetter letter = deadLetters.find(id);
        if (letter == null) {
            throw ProblemException.notFound("dead letter", id);
        }
        if (letter.replayedAt() != null) {
            return letter;
        }
        String refused;
        try {
            JsonNode event = incoming.parse(letter.value());
            refused = appliers.apply(letter.channel(), event);
        } catch (RuntimeException e) {
            if (Failures.isInfrastructure(e)) {
                throw new ProblemException(503, "unavailable", "Service unavailable",
                        "the record could not be applied now (" + Failures.describe(e) + "); try again later");
            }
            refused = e instanceof PoisonRecord ? e.getMessage() : Failures.describe(e);
        }
        deadLetters.replayed(id, refused);
        if (refused != null) {
            throw new ProblemException(422, "still-poison", "The record still cannot be applied", refused,
                    List.of(new Problem.FieldError("value", refused)));
        }
        return deadLetters.find(id);
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild the read models from the state topics", description = "Deletes the read models that the "
            + "state topics feed and reads those topics again from the beginning (tái dựng mô hình đọc); this instance's "
            + "consumers wait meanwhile. Runs in the background: follow it with GET. 409 when one is already running. Admin only.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReadModelRebuild.Status.class)))
    public Response startRebuild() {
        if (!rebuild.start(appliers)) {
            throw ProblemException.conflict("rebuild-in-progress", "a rebuild of the read models is already running");
        }
        return Response.accepted(rebuild.status()).build();
    }

    @GET
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The last rebuild of the read models", description = "State, start, end and records read per state channel. Admin only.")
    public ReadModelRebuild.Status rebuildStatus() {
        return rebuild.status();
    }
}
