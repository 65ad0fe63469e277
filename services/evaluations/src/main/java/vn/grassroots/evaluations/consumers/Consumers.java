package vn.grassroots.evaluations.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows the other services' topics for the read models: organizations and members (state topics from the
 * beginning, then events), meetings (held, absence-unexcused) and tasks. A record that is not a usable CloudEvent,
 * or that fails to apply, is logged and skipped: one bad record never stops a consumer.
 */
@ApplicationScoped
public class Consumers {
    private static final Logger LOG = Logger.getLogger(Consumers.class);

    @Inject
    ObjectMapper json;

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

    /** A batch in one transaction; if any record fails, each record again in its own, so one bad record skips alone. */
    void batch(String channel, List<String> records, BiFunction<String, JsonNode, String> apply) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (String record : records) {
                    JsonNode event = parse(channel, record);
                    if (event != null) {
                        String problem = apply.apply(channel, event);
                        if (problem != null) {
                            LOG.warnf("skipping a record on %s: %s: %s", channel, problem, abbreviate(record));
                        }
                    }
                }
            });
        } catch (RuntimeException e) {
            records.forEach(r -> handle(channel, r, apply));
        }
    }

    private JsonNode parse(String channel, String record) {
        try {
            JsonNode event = record == null ? null : json.readTree(record);
            if (event == null || !event.isObject() || event.path("id").asText("").isBlank() || event.path("type").asText("").isBlank()) {
                LOG.warnf("skipping a record on %s that is not a CloudEvent: %s", channel, abbreviate(record));
                return null;
            }
            return event;
        } catch (Exception e) {
            LOG.warnf("skipping a record on %s that is not JSON: %s", channel, abbreviate(record));
            return null;
        }
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

    void handle(String channel, String record, BiFunction<String, JsonNode, String> apply) {
        JsonNode event;
        try {
            event = record == null ? null : json.readTree(record);
        } catch (Exception e) {
            LOG.warnf("skipping a record on %s that is not JSON: %s", channel, abbreviate(record));
            return;
        }
        if (event == null || !event.isObject() || event.path("id").asText("").isBlank() || event.path("type").asText("").isBlank()) {
            LOG.warnf("skipping a record on %s that is not a CloudEvent: %s", channel, abbreviate(record));
            return;
        }
        try {
            String problem = apply.apply(channel, event);
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
