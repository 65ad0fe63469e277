package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way a consumer reads a record of another service's topic: parse the CloudEvent, apply it, and log and skip
 * what is not JSON, what the applier refuses (it returns why) or what fails to apply. One bad record never stops a
 * consumer; the channels' failure-strategy is ignore as well.
 */
@ApplicationScoped
public class IncomingEvents {
    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    @Inject
    ObjectMapper json;

    /** {@code apply} returns null when the event was applied (or already was), else why it was skipped. */
    public void handle(String channel, String record, Function<JsonNode, String> apply) {
        JsonNode event = parse(channel, record);
        if (event == null) {
            return;
        }
        try {
            String problem = apply.apply(event);
            if (problem != null) {
                LOG.warnf("skipping a record on %s: %s: %s", channel, problem, abbreviate(record));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "skipping a record on %s that could not be applied: %s", channel, abbreviate(record));
        }
    }

    /**
     * A batch of records (a topic with hundreds of thousands of them, e.g. the members') in one transaction; if
     * anything fails, every record again on its own, so that only a bad one is skipped.
     */
    public void batch(String channel, List<String> records, Function<JsonNode, String> apply) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (JsonNode event : parseAll(channel, records)) {
                    String problem = apply.apply(event);
                    if (problem != null) {
                        LOG.warnf("skipping a record on %s: %s: %s", channel, problem, abbreviate(event.toString()));
                    }
                }
            });
        } catch (RuntimeException e) {
            records.forEach(r -> handle(channel, r, apply));
        }
    }

    /** The CloudEvents of a batch; what is not one is logged and left out. */
    public List<JsonNode> parseAll(String channel, List<String> records) {
        List<JsonNode> events = new ArrayList<>(records.size());
        for (String r : records) {
            JsonNode event = parse(channel, r);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private JsonNode parse(String channel, String record) {
        JsonNode event;
        try {
            event = record == null ? null : json.readTree(record);
        } catch (Exception e) {
            LOG.warnf("skipping a record on %s that is not JSON: %s", channel, abbreviate(record));
            return null;
        }
        if (event == null || !event.isObject() || event.path("id").asText("").isBlank() || event.path("type").asText("").isBlank()) {
            LOG.warnf("skipping a record on %s that is not a CloudEvent with id and type: %s", channel, abbreviate(record));
            return null;
        }
        return event;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
