package vn.grassroots.assignments.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BiFunction;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the read models from the other services' topics: organizations and members (compacted state topics read
 * from the beginning, then the event topics) and held meetings. A record that is not a usable CloudEvent, or that
 * fails to apply, is logged and skipped: one bad record never stops a consumer.
 */
@ApplicationScoped
public class Consumers {
    private static final Logger LOG = Logger.getLogger(Consumers.class);

    @Inject
    ObjectMapper json;

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

    @Incoming("members-state")
    @Blocking
    public void memberState(String record) {
        handle("members-state", record, appliers::member);
    }

    @Incoming("members")
    @Blocking
    public void memberEvent(String record) {
        handle("members", record, appliers::member);
    }

    @Incoming("meetings")
    @Blocking
    public void meetingEvent(String record) {
        handle("meetings", record, appliers::meeting);
    }

    void handle(String channel, String record, BiFunction<String, JsonNode, String> apply) {
        JsonNode event;
        try {
            event = record == null ? null : json.readTree(record);
        } catch (Exception e) {
            LOG.warnf("skipping a record on %s that is not JSON: %s", channel, abbreviate(record));
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
