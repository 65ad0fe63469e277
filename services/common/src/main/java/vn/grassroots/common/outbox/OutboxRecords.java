package vn.grassroots.common.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the relay sends: a claimed outbox row as a CloudEvent, its Kafka record, the producer and the topics. */
final class OutboxRecords {
    private OutboxRecords() {}

    record Row(long seq, String topic, String key, String value, String traceparent) {
        String ordering() {
            return topic + "\n" + key;
        }
    }


    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }

    /**
     * A claimed row (seq, event_id, topic, aggregate_id, event_type, payload, correlation_id, actor, created_at,
     * traceparent) as it is sent.
     */
    static Row row(ObjectMapper json, String source, Object[] r) throws Exception {
        return new Row(((Number) r[0]).longValue(), (String) r[2], (String) r[3], envelope(json, source, r), (String) r[9]);
    }

    /** The row as a structured CloudEvent; {@code data} is the payload's JSON itself, not a string. */
    static String envelope(ObjectMapper json, String source, Object[] r) throws Exception {
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
        if (r[9] != null) {
            e.put(TraceParent.NAME, (String) r[9]);
        }
        e.set("data", json.readTree((String) r[5]));
        return json.writeValueAsString(e);
    }

    static String time(Object value) {
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


    /** The Kafka record of a row: keyed by aggregate, so that one aggregate's events stay in one partition, in order. */
    static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.value());
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        if (row.traceparent() != null) { // also a header: the consumers' tracing reads the W3C context from there
            record.headers().add(TraceParent.NAME, row.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }


    /** Acknowledged by all replicas, without duplicates from retries, and within the delivery timeout (at least 2 s). */
    static Properties producerProperties(Properties p, Duration deliveryTimeout) {
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        long delivery = Math.max(deliveryTimeout.toMillis(), 2000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(5000, delivery)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(delivery));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }


    /** Three partitions each; a state topic is compacted (the latest state of each key is kept). */
    static List<NewTopic> wantedTopics(List<String> topics, Optional<List<String>> stateTopics) {
        List<NewTopic> wanted = new ArrayList<>();
        topics.forEach(t -> wanted.add(new NewTopic(t, Optional.of(3), Optional.empty())));
        stateTopics.orElse(List.of()).forEach(t -> wanted.add(new NewTopic(t, Optional.of(3), Optional.empty())
                .configs(Map.of("cleanup.policy", "compact"))));
        return wanted;
    }
}
