package vn.grassroots.meetings.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the read models of organizations, members and assignments from their publishers' compacted state topics
 * (read from the beginning) and event topics. A record that is not a usable CloudEvent, or fails to apply, is
 * logged and skipped: one bad record never stops a consumer.
 */
@ApplicationScoped
public class ReadModelConsumer {
    private static final Logger LOG = Logger.getLogger(ReadModelConsumer.class);

    @Inject
    ObjectMapper json;

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
        List<JsonNode> events = new ArrayList<>(records.size());
        for (String r : records) {
            try {
                events.add(r == null ? null : json.readTree(r));
            } catch (Exception e) {
                LOG.warnf("skipping a record on %s that is not JSON: %s", channel, abbreviate(r));
            }
        }
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
        JsonNode event;
        try {
            event = record == null ? null : json.readTree(record);
        } catch (Exception e) {
            LOG.warnf("skipping a record on %s that is not JSON: %s", channel, abbreviate(record));
            return;
        }
        try {
            String problem = applier.apply(channel, event);
            if (problem != null) {
                LOG.warnf("skipping a record on %s: %s: %s", channel, problem, abbreviate(record));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "skipping a record on %s that could not be applied: %s", channel, abbreviate(record));
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
