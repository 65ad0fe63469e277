package vn.grassroots.membership.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the read model of the organization tree from the organization service's topics: the compacted state topic
 * (read from the beginning) and the event topic. A record that is not a usable CloudEvent, or that fails to apply,
 * is logged and skipped: one bad record never stops the consumer (and the channels' failure-strategy is ignore).
 */
@ApplicationScoped
public class OrganizationConsumer {
    private static final Logger LOG = Logger.getLogger(OrganizationConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    OrganizationApplier applier;

    @Incoming("organizations-state")
    @Blocking
    public void onState(String record) {
        handle("organizations-state", record);
    }

    @Incoming("organizations")
    @Blocking
    public void onEvent(String record) {
        handle("organizations", record);
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
