package vn.grassroots.meetings.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.grassroots.common.consumer.IncomingEvents;

/**
 * Keeps the read models of organizations, members and assignments from their publishers' compacted state topics
 * (read from the beginning) and event topics. A record that is not a usable CloudEvent, or fails to apply, is
 * logged and skipped: one bad record never stops a consumer.
 */
@ApplicationScoped
public class ReadModelConsumer {
    @Inject
    IncomingEvents incoming;

    @Inject
    ReadModelApplier applier;

    @Incoming("organizations-state")
    @Blocking
    public void organizationsState(String record) {
        handle("organizations-state", record);
    }

    @Incoming("organizations")
    @Blocking
    public void organizations(String record) {
        handle("organizations", record);
    }

    // The members topics hold hundreds of thousands of records (a province): they are consumed in batches, one
    // transaction and three statements per batch, so a new or rebuilt read model catches up in minutes.
    @Incoming("members-state")
    @Blocking
    public void membersState(List<String> records) {
        handleBatch("members-state", records);
    }

    @Incoming("members")
    @Blocking
    public void members(List<String> records) {
        handleBatch("members", records);
    }

    void handleBatch(String channel, List<String> records) {
        List<JsonNode> events = incoming.parseAll(channel, records);
        try {
            applier.applyMembers(channel, events);
        } catch (RuntimeException e) {
            // one bad record: apply them one by one, so that only it is skipped
            records.forEach(r -> handle(channel, r));
        }
    }

    @Incoming("assignments-state")
    @Blocking
    public void assignmentsState(String record) {
        handle("assignments-state", record);
    }

    @Incoming("assignments")
    @Blocking
    public void assignments(String record) {
        handle("assignments", record);
    }

    void handle(String channel, String record) {
        incoming.handle(channel, record, event -> applier.apply(channel, event));
    }
}
