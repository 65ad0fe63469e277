package vn.grassroots.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning and waits for the CloudEvents a test expects, checked against their contract. */
public final class KafkaEvents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    /**
     * Records older than this are skipped, not kept: a test waits for events of what it just did, and the test
     * stack's topics keep every earlier run's events (a by-hand 100,000-member import put that many on the
     * member topics, which no test heap can hold).
     */
    private final long since = System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();

    public KafkaEvents(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.topic = topic;
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
    }

    public static String bootstrap() {
        String fromEnv = System.getenv("KAFKA_BOOTSTRAP");
        return fromEnv != null ? fromEnv : "localhost:" + System.getenv().getOrDefault("KAFKA_PORT", "59192");
    }

    /** Waits up to {@code timeout} for a record with this key whose CloudEvent matches. */
    public Received await(String key, Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (var r : consumer.poll(Duration.ofMillis(200))) {
                if (r.timestamp() >= since) {
                    seen.add(r);
                }
            }
            for (var r : seen) {
                if (key.equals(r.key())) {
                    JsonNode event = parse(r.value());
                    if (match.test(event)) {
                        Contracts.check(topic, event);
                        return new Received(r, event);
                    }
                }
            }
        }
        throw new AssertionError("no matching event for key " + key + " within " + timeout + "; seen "
                + seen.stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList());
    }

    public Received awaitType(String key, String type) {
        return await(key, e -> type.equals(e.path("type").asText()), Duration.ofSeconds(20));
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("event is not JSON: " + value, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    public record Received(ConsumerRecord<String, String> record, JsonNode event) {}
}
