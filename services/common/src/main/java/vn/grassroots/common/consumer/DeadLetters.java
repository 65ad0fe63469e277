package vn.grassroots.common.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.grassroots.common.kafka.KafkaConnection;

/**
 * Poison records of a consuming service: sent to its dead-letter topic (key and value untouched, the reason and the
 * source in headers), mirrored in the {@code dead_letter} table that the admin endpoint lists, counted per channel,
 * and replayed through the service's {@link ChannelAppliers} once fixed.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    public static final String REASON = "dead-letter-reason";
    public static final String CHANNEL = "dead-letter-channel";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String TIMESTAMP = "dead-letter-timestamp";
    public static final String DEAD_LETTERED_AT = "dead-letter-at";

    private final KafkaConnection kafka;
    private final String topic;
    private final EntityManager em;
    private final MeterRegistry registry;

    public DeadLetters(KafkaConnection kafka,
            @ConfigProperty(name = "grassroots.consumer.dead-letter-topic", defaultValue = "grassroots.${quarkus.application.name}.dead-letter.v1") String topic,
            EntityManager em, MeterRegistry registry) {
        this.kafka = kafka;
        this.topic = topic;
        this.em = em;
        this.registry = registry;
    }

    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, String> producer;

    @Schema(name = "DeadLetter", description = "A record a consumer could never apply (thư chết): kept with its reason, replayable after a fix")
    public record DeadLetter(long id, String channel, String sourceTopic, int sourcePartition, long sourceOffset, String key,
            String value, String reason, OffsetDateTime recordTime, OffsetDateTime deadLetteredAt, OffsetDateTime replayedAt,
            String lastReplayError) {}

    @Schema(name = "DeadLetterPage", description = "A page of dead letters; pass nextCursor as cursor for the next one")
    public record DeadLetterPage(List<DeadLetter> items, String nextCursor) {}

    public String topic() {
        return topic;
    }

    /**
     * Sends the record to the dead-letter topic and waits for Kafka's acknowledgement, then mirrors it in the table
     * (once per source record); throws when either fails, and the caller retries: the source offset moves only after.
     */
    public void deadLetter(String channel, ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        Instant now = Instant.now();
        headers.add(REASON, bytes(reason));
        headers.add(CHANNEL, bytes(channel));
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET, bytes(Long.toString(record.offset())));
        headers.add(TIMESTAMP, bytes(Instant.ofEpochMilli(record.timestamp()).toString()));
        headers.add(DEAD_LETTERED_AT, bytes(now.toString()));
        try {
            producer().send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        } catch (Exception e) {
            throw new org.apache.kafka.common.KafkaException("dead-letter topic " + topic + " did not acknowledge", e);
        }
        boolean fresh = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                INSERT INTO dead_letter (channel, source_topic, source_partition, source_offset, record_key, record_value, reason,
                                         record_time, dead_lettered_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING""")
                .setParameter(1, channel).setParameter(2, record.topic()).setParameter(3, record.partition())
                .setParameter(4, record.offset()).setParameter(5, record.key()).setParameter(6, record.value())
                .setParameter(7, reason).setParameter(8, Instant.ofEpochMilli(Math.max(0, record.timestamp())))
                .setParameter(9, now).executeUpdate() == 1);
        if (fresh) {
            counter(channel).increment();
        }
        LOG.warnf("dead-lettered a record of %s (%s-%d@%d) to %s: %s", channel, record.topic(), record.partition(), record.offset(), topic, reason);
    }

    /** Dead letters by id, oldest first; {@code pending} only those not replayed yet. */
    public DeadLetterPage list(String channel, boolean pending, long after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT id, channel, source_topic, source_partition, source_offset, record_key, record_value, reason, record_time,
                       dead_lettered_at, replayed_at, last_replay_error
                FROM dead_letter
                WHERE id > ?1 AND (?2 = '' OR channel = ?2) AND (NOT ?3 OR replayed_at IS NULL)
                ORDER BY id LIMIT ?4""")
                .setParameter(1, after).setParameter(2, channel == null ? "" : channel).setParameter(3, pending)
                .setParameter(4, limit + 1).getResultList());
        List<DeadLetter> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(map(rows.get(i)));
        }
        String next = rows.size() > limit ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new DeadLetterPage(items, next);
    }

    public DeadLetter find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT id, channel, source_topic, source_partition, source_offset, record_key, record_value, reason, record_time,
                       dead_lettered_at, replayed_at, last_replay_error
                FROM dead_letter WHERE id = ?1""").setParameter(1, id).getResultList());
        return rows.isEmpty() ? null : map(rows.get(0));
    }

    /** Outcome of a replay: null when the record was applied, else why it still cannot be. */
    public void replayed(long id, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (error == null) {
                em.createNativeQuery("UPDATE dead_letter SET replayed_at = now(), last_replay_error = NULL WHERE id = ?1 AND replayed_at IS NULL")
                        .setParameter(1, id).executeUpdate();
            } else {
                em.createNativeQuery("UPDATE dead_letter SET last_replay_error = ?2 WHERE id = ?1").setParameter(1, id)
                        .setParameter(2, error).executeUpdate();
            }
        });
    }

    private static DeadLetter map(Object[] r) {
        return new DeadLetter(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                ((Number) r[4]).longValue(), (String) r[5], (String) r[6], (String) r[7], time(r[8]), time(r[9]), time(r[10]),
                (String) r[11]);
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(o.toString());
    }

    Counter counter(String channel) {
        return counters.computeIfAbsent(channel, c -> Counter.builder("grassroots.consumer.dead.letters")
                .description("Records a consumer could never apply, sent to the dead-letter topic").tag("channel", c).register(registry));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = kafka.properties();
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
                    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-" + topic);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    void close(@Observes ShutdownEvent e) {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
