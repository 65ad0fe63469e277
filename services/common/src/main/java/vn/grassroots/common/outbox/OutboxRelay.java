package vn.grassroots.common.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.grassroots.common.kafka.KafkaConnection;

/**
 * Sends outbox rows to Kafka as CloudEvents (structured JSON), in creation order, and marks them sent.
 *
 * <ul>
 * <li>One relay per database sends at a time (a transaction-scoped advisory lock), so several instances of a
 * service never reorder an aggregate's events.</li>
 * <li>Each row is marked sent only when Kafka acknowledged it ({@code acks=all}, idempotent producer): when a
 * part of a batch fails (a timeout, a topic that is not there), only the unacknowledged rows are sent again.
 * A topic can get a duplicate only if the process dies (or the database goes away) between Kafka's
 * acknowledgement and the mark; consumers drop those by event id.</li>
 * <li>Per-aggregate order: a batch is sent in waves, the n-th wave holding the n-th row of each (topic, key);
 * a row whose send failed holds back every later row of its key, so nothing overtakes it.</li>
 * <li>A topic whose sends time out (Kafka down, not enough replicas, unknown topic) is left out of the next
 * claims for a growing pause, so healthy topics keep flowing; a row Kafka refuses for good (e.g. too large)
 * holds back its own key only, and is logged.</li>
 * </ul>
 * The relay is woken right after each commit and also polls, so a row left behind goes later.
 *
 * <p>Longer than 300 lines, and {@link #relayBatch()} longer than 40, on purpose: the loop, the claim, the send waves
 * and the pauses share one state (the producer, the paused topics and keys) and one transaction, and read best in one
 * place. What needs none of it is in {@link OutboxRecords} and {@link SendFailures}, unit-tested.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final KafkaConnection kafka;
    private final String source;
    private final List<String> topics;
    private final Optional<List<String>> stateTopics;
    private final Duration pollInterval;
    private final Duration retention;
    private final boolean enabled;
    private final int batchSize;

    /** How long Kafka may take to acknowledge a record before the relay gives up on it for this round. */
    private final Duration deliveryTimeout;

    /** The longest pause of a topic (or key) whose sends failed; pauses double from one second up to this. */
    private final Duration maxBackoff;

    public OutboxRelay(EntityManager em, ObjectMapper json, MeterRegistry meters, KafkaConnection kafka,
            @ConfigProperty(name = "grassroots.events.source") String source,
            @ConfigProperty(name = "grassroots.outbox.topics") List<String> topics,
            @ConfigProperty(name = "grassroots.outbox.state-topics") Optional<List<String>> stateTopics,
            @ConfigProperty(name = "grassroots.outbox.poll-interval", defaultValue = "1S") Duration pollInterval,
            @ConfigProperty(name = "grassroots.outbox.retention", defaultValue = "P7D") Duration retention,
            @ConfigProperty(name = "grassroots.outbox.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "grassroots.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "grassroots.outbox.delivery-timeout", defaultValue = "10S") Duration deliveryTimeout,
            @ConfigProperty(name = "grassroots.outbox.max-backoff", defaultValue = "8S") Duration maxBackoff) {
        this.em = em;
        this.json = json;
        this.meters = meters;
        this.kafka = kafka;
        this.source = source;
        this.topics = topics;
        this.stateTopics = stateTopics;
        this.pollInterval = pollInterval;
        this.retention = retention;
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.deliveryTimeout = deliveryTimeout;
        this.maxBackoff = maxBackoff;
    }

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private boolean topicsReady;
    private Instant nextPurge = Instant.EPOCH;
    private final Map<String, SendFailures.Backoff> pausedTopics = new ConcurrentHashMap<>();
    private final Map<String, SendFailures.Backoff> pausedKeys = new ConcurrentHashMap<>();
    private final OutboxStats stats = new OutboxStats();

    /** One round of {@link #relayBatch()}: rows claimed, rows acknowledged and marked, rows that failed. */
    public record Round(int claimed, int sent, int failed) {}

    public OutboxStats stats() {
        return stats;
    }

    void start(@Observes StartupEvent ev) {
        Gauge.builder("grassroots.outbox.backlog", stats, s -> Math.max(0, s.unsent))
                .description("Outbox rows not yet acknowledged by Kafka").baseUnit("rows").register(meters);
        Gauge.builder("grassroots.outbox.oldest.age", stats, OutboxStats::oldestAgeSeconds)
                .description("Age of the oldest outbox row not yet acknowledged by Kafka").baseUnit("seconds").register(meters);
        if (!enabled) {
            return;
        }
        producer = new KafkaProducer<>(OutboxRecords.producerProperties(kafka.properties(), deliveryTimeout));
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wake.release();
    }

    private void loop() {
        long backoffMs = 0;
        while (running) {
            try {
                wake.tryAcquire(backoffMs > 0 ? backoffMs : pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                countIfDue();
                ensureTopics();
                Round r;
                do {
                    r = relayBatch();
                } while (running && again(r, batchSize));
                if (r.claimed() > 0) {
                    countIfDue();
                }
                purgeSent();
                backoffMs = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoffMs = SendFailures.backoff(backoffMs, maxBackoff.toMillis());
                failed(e.toString());
                LOG.warnf("outbox relay could not run (retrying in %d ms): %s", backoffMs, e.toString());
            }
        }
    }

    /** Another batch at once only after a full one that sent something: a batch that all failed waits for the next round. */
    static boolean again(Round r, int batchSize) {
        return r.claimed() == batchSize && r.sent() > 0;
    }

    private void failed(String error) {
        stats.lastError = error;
        stats.lastErrorAt = Instant.now();
    }

    /** {@link #count()} at most four times a second: the relay may be woken after every commit. */
    private void countIfDue() {
        if (countDue(stats.countedAt, Instant.now())) {
            count();
        }
    }

    static boolean countDue(Instant last, Instant now) {
        return last == null || Duration.between(last, now).toMillis() >= 250;
    }

    /** Counts the rows waiting (what the health check and the gauges show). */
    public void count() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT count(*), min(created_at) FROM outbox WHERE sent_at IS NULL").getSingleResult());
        stats.unsent = ((Number) row[0]).longValue();
        stats.oldestUnsent = row[1] == null ? null : OutboxRecords.instant(row[1]);
        stats.countedAt = Instant.now();
    }

    /**
     * Sends one batch of unsent rows and marks those Kafka acknowledged. Returns 0 claimed when another
     * instance is relaying at the moment.
     */
    public Round relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object mine = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended('grassroots-outbox-relay', 0))")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(mine)) {
                return new Round(0, 0, 0);
            }
            Instant now = Instant.now();
            pausedTopics.values().removeIf(b -> b.until().isBefore(now));
            pausedKeys.values().removeIf(b -> b.until().isBefore(now));
            List<Object[]> rows = claim();
            if (rows.isEmpty()) {
                return new Round(0, 0, 0);
            }
            Map<String, ArrayDeque<OutboxRecords.Row>> byKey = queuesByKey(rows);
            List<Long> acked = new ArrayList<>(rows.size());
            Set<String> failedTopics = new HashSet<>();
            int failed = 0;
            while (!byKey.isEmpty()) {
                Wave wave = sendWave(byKey, failedTopics);
                failed += awaitWave(wave, byKey, acked, failedTopics);
            }
            markSent(acked);
            return new Round(rows.size(), acked.size(), failed);
        });
    }

    /** One queue per (topic, key), in creation order. */
    private Map<String, ArrayDeque<OutboxRecords.Row>> queuesByKey(List<Object[]> rows) throws Exception {
        Map<String, ArrayDeque<OutboxRecords.Row>> byKey = new LinkedHashMap<>();
        for (Object[] r : rows) {
            OutboxRecords.Row row = OutboxRecords.row(json, source, r);
            byKey.computeIfAbsent(row.ordering(), k -> new ArrayDeque<>()).add(row);
        }
        return byKey;
    }

    /** The rows of one wave and their sends, in the same order. */
    private record Wave(List<OutboxRecords.Row> rows, List<Future<RecordMetadata>> sends) {
    }

    /** Sends a wave: the next row of every key still going. */
    private Wave sendWave(Map<String, ArrayDeque<OutboxRecords.Row>> byKey, Set<String> failedTopics) {
        List<OutboxRecords.Row> wave = new ArrayList<>(byKey.size());
        List<Future<RecordMetadata>> sends = new ArrayList<>(byKey.size());
        for (var it = byKey.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            OutboxRecords.Row row = e.getValue().peek();
            if (failedTopics.contains(row.topic())) {
                it.remove(); // the topic failed in this batch: its rows wait for the next claim
                continue;
            }
            Future<RecordMetadata> f = send(row);
            if (f.isDone() && SendFailures.failedNow(f) instanceof RetriableException) {
                failedTopics.add(row.topic()); // e.g. no metadata for the topic: every send would wait as long
            }
            wave.add(row);
            sends.add(f);
        }
        return new Wave(wave, sends);
    }

    /** Waits for a wave's sends: acks the sent rows and moves their keys on, pauses the failed ones; the failures. */
    private int awaitWave(Wave wave, Map<String, ArrayDeque<OutboxRecords.Row>> byKey, List<Long> acked,
            Set<String> failedTopics) {
        int failed = 0;
        long deadline = System.nanoTime() + deliveryTimeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (int i = 0; i < wave.rows().size(); i++) {
            OutboxRecords.Row row = wave.rows().get(i);
            ArrayDeque<OutboxRecords.Row> queue = byKey.get(row.ordering());
            try {
                wave.sends().get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(row.seq());
                meters.counter("grassroots.outbox.sent", "topic", row.topic()).increment();
                if (queue != null) {
                    queue.poll();
                    if (queue.isEmpty()) {
                        byKey.remove(row.ordering());
                    }
                }
            } catch (Exception e) {
                failed++;
                byKey.remove(row.ordering()); // later rows of this key must not overtake it
                pause(row, SendFailures.cause(e), failedTopics);
            }
        }
        return failed;
    }

    private void markSent(List<Long> acked) {
        if (!acked.isEmpty()) {
            em.createNativeQuery("UPDATE outbox SET sent_at = now() WHERE seq = ANY(?1)")
                    .setParameter(1, acked.toArray(new Long[0]))
                    .executeUpdate();
            stats.lastSentAt = Instant.now();
        }
    }

    /** The oldest unsent rows, but those of paused topics and keys, in creation order. */
    private List<Object[]> claim() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT seq, event_id, topic, aggregate_id, event_type, payload::text, correlation_id, actor, created_at,
                       traceparent
                FROM outbox WHERE sent_at IS NULL
                  AND NOT (topic = ANY(?2)) AND NOT ((topic || chr(10) || aggregate_id) = ANY(?3))
                ORDER BY seq LIMIT ?1""")
                .setParameter(1, batchSize)
                .setParameter(2, pausedTopics.keySet().toArray(new String[0]))
                .setParameter(3, pausedKeys.keySet().toArray(new String[0]))
                .getResultList();
        return rows;
    }

    /** After a failed send: Kafka not acknowledging pauses the whole topic (once per batch), a refusal the row's key. */
    private void pause(OutboxRecords.Row row, Throwable cause, Set<String> failedTopics) {
        meters.counter("grassroots.outbox.send.failures", "topic", row.topic()).increment();
        failed(row.topic() + ": " + cause);
        if (SendFailures.pausesTopic(cause)) {
            if (failedTopics.add(row.topic())) {
                SendFailures.Backoff b = pausedTopics.getOrDefault(row.topic(), new SendFailures.Backoff(Instant.now(), 0)).next(maxBackoff.toMillis());
                pausedTopics.put(row.topic(), b);
                LOG.warnf("outbox relay: Kafka did not acknowledge a record of %s (%s); the topic waits %d ms",
                        row.topic(), cause.toString(), b.millis());
            }
        } else {
            SendFailures.Backoff b = pausedKeys.getOrDefault(row.ordering(), new SendFailures.Backoff(Instant.now(), 0)).next(maxBackoff.toMillis());
            pausedKeys.put(row.ordering(), b);
            LOG.errorf("outbox relay: Kafka refused row %d of %s (key %s): %s; its later rows wait",
                    row.seq(), row.topic(), row.key(), cause.toString());
        }
    }

    private Future<RecordMetadata> send(OutboxRecords.Row row) {
        ProducerRecord<String, String> record = OutboxRecords.record(row);
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void ensureTopics() throws Exception {
        if (topicsReady) {
            return;
        }
        List<NewTopic> wanted = OutboxRecords.wantedTopics(topics, stateTopics);
        Properties p = kafka.properties();
        p.put("request.timeout.ms", "5000");
        p.put("default.api.timeout.ms", "5000");
        try (Admin admin = Admin.create(p)) {
            for (var entry : admin.createTopics(wanted).values().entrySet()) {
                try {
                    entry.getValue().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        topicsReady = true;
    }

    private void purgeSent() {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(Duration.ofMinutes(10));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - cast(?1 AS interval)")
                .setParameter(1, retention.toSeconds() + " seconds")
                .executeUpdate());
    }
}
