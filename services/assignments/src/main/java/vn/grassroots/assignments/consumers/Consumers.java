package vn.grassroots.assignments.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.grassroots.common.consumer.IncomingEvents;
import java.util.function.BiFunction;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the read models from the other services' topics: organizations and members (compacted state topics read
 * from the beginning, then the event topics) and held meetings. A record that is not a usable CloudEvent, or that
 * fails to apply, is logged and skipped: one bad record never stops a consumer.
 */
@ApplicationScoped
public class Consumers {
    @Inject
    IncomingEvents incoming;

    @Inject
    Appliers appliers;

    @Incoming("organizations-state")
    @Blocking
    public void organizationState(String record) {
        handle("organizations-state", record, appliers::organization);
    }

    @Incoming("organizations")
    @Blocking
    public void organizationEvent(String record) {
        handle("organizations", record, appliers::organization);
    }

    // the members topics hold a province's members: a batch per transaction, so a new read model catches up in minutes
    @Incoming("members-state")
    @Blocking
    public void memberState(List<String> records) {
        incoming.batch("members-state", records, event -> appliers.member("members-state", event));
    }

    @Incoming("members")
    @Blocking
    public void memberEvent(List<String> records) {
        incoming.batch("members", records, event -> appliers.member("members", event));
    }

    @Incoming("meetings")
    @Blocking
    public void meetingEvent(String record) {
        handle("meetings", record, appliers::meeting);
    }

    private void handle(String channel, String record, BiFunction<String, JsonNode, String> apply) {
        incoming.handle(channel, record, event -> apply.apply(channel, event));
    }
}
