package vn.grassroots.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents as another service would, on the real topics of the test stack. */
public final class CloudEvents {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private CloudEvents() {}

    /** A CloudEvent with a fresh id, as the publishing services' outboxes write it. */
    public static ObjectNode envelope(String source, String type, String subject, ObjectNode data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", source);
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", Instant.now().toString());
        e.put("datacontenttype", "application/json");
        e.put("actor", "admin");
        e.set("data", data);
        return e;
    }

    /** Sends a CloudEvent, checked against its topic's contract when {@code check}; returns its id. */
    public static String send(String topic, String key, ObjectNode event, boolean check) {
        if (check) {
            Contracts.check(topic, event);
        }
        sendRaw(topic, key, event.toString());
        return event.path("id").asText();
    }

    /** Sends anything, contract or not (for the consumers' robustness), and waits for the broker's ack. */
    public static synchronized void sendRaw(String topic, String key, String value) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaEvents.bootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not send to " + topic, e);
        }
    }
}
