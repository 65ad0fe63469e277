package vn.grassroots.evaluations.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.grassroots.common.consumer.IncomingEvents;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the other services' topics for the read models: organizations and members (state topics from the
 * beginning, then events), meetings (held, absence-unexcused) and tasks. A record that is not a usable CloudEvent,
 * or that fails to apply, is logged and skipped: one bad record never stops a consumer.
 */
@ApplicationScoped
public class Consumers {
    @Inject
    IncomingEvents incoming;

    @Inject
    EventApplier applier;

    @Incoming("organizations-state")
    @Blocking
    public void organizationState(String record) {
        handle("organizations-state", record, applier::organization);
    }

    @Incoming("organizations")
    @Blocking
    public void organizationEvent(String record) {
        handle("organizations", record, applier::organization);
    }

    /** Members arrive in bulk (a CSV import publishes hundreds of thousands): applied a batch per transaction. */
    @Incoming("members-state")
    @Blocking
    public void memberState(List<String> records) {
        batch("members-state", records, applier::member);
    }

    @Incoming("members")
    @Blocking
    public void memberEvent(List<String> records) {
        batch("members", records, applier::member);
    }

    private void batch(String channel, List<String> records, BiFunction<String, JsonNode, String> apply) {
        incoming.batch(channel, records, event -> apply.apply(channel, event));
    }

    @Incoming("meetings")
    @Blocking
    public void meetingEvent(String record) {
        handle("meetings", record, applier::meeting);
    }

    @Incoming("tasks")
    @Blocking
    public void taskEvent(String record) {
        handle("tasks", record, applier::task);
    }

    private void handle(String channel, String record, BiFunction<String, JsonNode, String> apply) {
        incoming.handle(channel, record, event -> apply.apply(channel, event));
    }
}
