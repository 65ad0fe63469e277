package vn.grassroots.common.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends outbox rows to Kafka as CloudEvents (structured JSON), in creation order, and marks them sent.
 * Rows are claimed with FOR UPDATE SKIP LOCKED so two instances never send the same row. The relay is
 * woken right after each commit and also polls, so a row left behind (e.g. Kafka was down) goes later.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "grassroots.events.source")
    String source;

    @ConfigProperty(name = "grassroots.outbox.topics")
    List<String> topics;

    @ConfigProperty(name = "grassroots.outbox.state-topics")
    Optional<List<String>> stateTopics;

    @ConfigProperty(name = "grassroots.outbox.poll-interval", defaultValue = "1S")
    Duration pollInterval;

    @ConfigProperty(name = "grassroots.outbox.retention", defaultValue = "P7D")
    Duration retention;

    @ConfigProperty(name = "grassroots.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private boolean topicsReady;
    private Instant nextPurge = Instant.EPOCH;

    void start(@Observes StartupEvent ev) {
        if (!enabled) {
            return;
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
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
                ensureTopics();
                while (running && relayBatch() == BATCH) {
                    // a full batch: more may be waiting
                }
                purgeSent();
                backoffMs = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoffMs = Math.min(Math.max(backoffMs * 2, 1000), 30_000);
                LOG.warnf("outbox relay could not send (retrying in %d ms): %s", backoffMs, e.toString());
            }
        }
    }

    /** Sends one batch of unsent rows; returns how many were sent. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT seq, event_id, topic, aggregate_id, event_type, payload::text, correlation_id, actor, created_at
                    FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, BATCH)
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            List<Long> seqs = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>((String) r[2], (String) r[3], envelope(r));
                record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(record));
                seqs.add(((Number) r[0]).longValue());
            }
            for (Future<RecordMetadata> f : sends) {
                f.get(15, TimeUnit.SECONDS); // any failure rolls back: the rows stay unsent
            }
            em.createNativeQuery("UPDATE outbox SET sent_at = now() WHERE seq = ANY(?1)")
                    .setParameter(1, seqs.toArray(new Long[0]))
                    .executeUpdate();
            return rows.size();
        });
    }

    private String envelope(Object[] r) throws Exception {
        ObjectNode e = json.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", r[1].toString());
        e.put("source", source);
        e.put("type", (String) r[4]);
        e.put("subject", (String) r[3]);
        e.put("time", time(r[8]));
        e.put("datacontenttype", "application/json");
        if (r[6] != null) {
            e.put("correlationid", (String) r[6]);
        }
        if (r[7] != null) {
            e.put("actor", (String) r[7]);
        }
        e.set("data", json.readTree((String) r[5]));
        return json.writeValueAsString(e);
    }

    private static String time(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        return value.toString();
    }

    private void ensureTopics() throws Exception {
        if (topicsReady) {
            return;
        }
        List<NewTopic> wanted = new ArrayList<>();
        topics.forEach(t -> wanted.add(new NewTopic(t, Optional.of(3), Optional.empty())));
        stateTopics.orElse(List.of()).forEach(t -> wanted.add(new NewTopic(t, Optional.of(3), Optional.empty())
                .configs(Map.of("cleanup.policy", "compact"))));
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
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
