package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one way a consumer applies a record of another service's topic.
 *
 * <ul>
 * <li>A <b>poison</b> record — not JSON, not a CloudEvent with id and type, refused by the applier (it returns why),
 * or failing for a reason of its own ({@link Failures}) — goes to the service's dead-letter topic with the reason
 * ({@link DeadLetters}), and the records after it go on.</li>
 * <li>A failure of the consumer's own <b>infrastructure</b> (database down, timeout, lock, missing table, Kafka) is
 * retried with backoff (0.5 s doubling to 30 s) until it passes: the method does not return, so the record is not
 * acknowledged and the channel's offset never moves past it.</li>
 * </ul>
 * A batch is applied in one transaction; when a record of it is poison, the batch is applied again record by record,
 * so that only that one is dead-lettered. A rebuild of the read models ({@link ReadModelRebuild}) holds the live
 * consumers of this instance between two records.
 */
@ApplicationScoped
public class IncomingEvents {
    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final ObjectMapper json;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final Duration initialDelay;
    private final Duration maxDelay;
    /** Live consumers take it shared, a rebuild exclusively ({@link #gate()}). */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
    private final ConcurrentHashMap<String, Counter> retries = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public IncomingEvents(ObjectMapper json, DeadLetters deadLetters, MeterRegistry registry,
            @ConfigProperty(name = "grassroots.consumer.retry.initial", defaultValue = "500ms") Duration initialDelay,
            @ConfigProperty(name = "grassroots.consumer.retry.max", defaultValue = "30s") Duration maxDelay) {
        this.json = json;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /**
     * The lock between the live consumers and a rebuild. A method, not a field read: a field read through the client
     * proxy reads the proxy's own field, and the rebuild used to take a lock no consumer ever took.
     */
    ReentrantReadWriteLock gate() {
        return gate;
    }

    void stopping(@Observes ShutdownEvent e) {
        stopping = true;
    }

    /** Applies one record; {@code apply} returns null when the event was applied (or already was), else why it never can be. */
    public void handle(String channel, ConsumerRecord<String, String> record, Function<JsonNode, String> apply) {
        gate.readLock().lock();
        try {
            String poison = retrying(channel, () -> {
                try {
                    String refused = apply.apply(parse(record.value()));
                    return refused;
                } catch (RuntimeException e) {
                    if (Failures.isInfrastructure(e)) {
                        throw e;
                    }
                    return e instanceof PoisonRecord ? e.getMessage() : "could not be applied: " + Failures.describe(e);
                }
            });
            if (poison != null) {
                retrying(channel, () -> {
                    deadLetters.deadLetter(channel, record, poison);
                    return null;
                });
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Applies a batch in one transaction through {@link ChannelAppliers#applyAll}, or record by record when one is poison. */
    public void batch(String channel, Iterable<ConsumerRecord<String, String>> records, ChannelAppliers appliers) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>();
        records.forEach(list::add);
        if (list.isEmpty()) {
            return;
        }
        gate.readLock().lock();
        try {
            List<JsonNode> events = new ArrayList<>(list.size());
            boolean poisonInside = false;
            for (ConsumerRecord<String, String> r : list) {
                try {
                    events.add(parse(r.value()));
                } catch (PoisonRecord e) {
                    poisonInside = true;
                    break;
                }
            }
            boolean applied = !poisonInside && retrying(channel, () -> {
                try {
                    QuarkusTransaction.requiringNew().run(() -> appliers.applyAll(channel, events));
                    return true;
                } catch (RuntimeException e) {
                    if (Failures.isInfrastructure(e)) {
                        throw e;
                    }
                    return false;
                }
            });
            if (!applied) {
                for (ConsumerRecord<String, String> r : list) {
                    handle(channel, r, event -> appliers.apply(channel, event));
                }
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /** The CloudEvent of a record's value, or {@link PoisonRecord} when it is not one. */
    public JsonNode parse(String value) {
        JsonNode event;
        try {
            event = value == null ? null : json.readTree(value);
        } catch (Exception e) {
            throw new PoisonRecord("not JSON: " + Failures.describe(e));
        }
        if (event == null || !event.isObject() || event.path("id").asText("").isBlank() || event.path("type").asText("").isBlank()) {
            throw new PoisonRecord("not a CloudEvent with id and type");
        }
        return event;
    }

    /** Runs {@code work} until it does not throw, waiting between attempts; gives up only when the application stops. */
    <T> T retrying(String channel, Supplier<T> work) {
        long delay = initialDelay.toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e; // not acknowledged: the record is read again after the restart
                }
                retryCounter(channel).increment();
                LOG.warnf("%s: infrastructure failure (attempt %d), retrying in %d ms without moving on: %s", channel, attempt,
                        delay, Failures.describe(e));
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = Math.min(delay * 2, maxDelay.toMillis());
            }
        }
    }

    private Counter retryCounter(String channel) {
        return retries.computeIfAbsent(channel, c -> Counter.builder("grassroots.consumer.retries")
                .description("Attempts to apply a record again after a failure of the consumer's infrastructure").tag("channel", c)
                .register(registry));
    }
}
