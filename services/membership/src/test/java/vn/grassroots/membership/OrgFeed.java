package vn.grassroots.membership;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.grassroots.membership.domain.OrgRef;
import vn.grassroots.membership.repository.OrganizationReadModel;
import vn.grassroots.testing.Contracts;
import vn.grassroots.testing.KafkaEvents;

/**
 * Acts as the organization service in tests: publishes organization CloudEvents, checked against the organization
 * service's contracts, and waits until the membership read model has applied them.
 */
final class OrgFeed {
    static final String TOPIC = "grassroots.organization.organizations.v1";
    static final String STATE_TOPIC = "grassroots.organization.organizations-state.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private OrgFeed() {}

    /** An organization as the organization service describes it. */
    static final class Org {
        final String id = UUID.randomUUID().toString();
        String parentId;
        String path;
        int depth;
        String type;
        String status = "ACTIVE";
        String name;
        long version;

        ObjectNode json() {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", id);
            if (parentId != null) {
                o.put("parentId", parentId);
            }
            o.put("path", path);
            o.put("depth", depth);
            o.put("type", type);
            o.put("sector", "RESIDENTIAL");
            o.put("status", status);
            o.put("name", name);
            o.put("version", version);
            o.put("createdAt", "2025-01-02T03:04:05.000000Z");
            o.put("updatedAt", Instant.now().toString());
            return o;
        }
    }

    static Org org(Org parent, String type, String name) {
        Org o = new Org();
        o.parentId = parent == null ? null : parent.id;
        o.path = (parent == null ? "/" : parent.path) + o.id + "/";
        o.depth = parent == null ? 0 : parent.depth + 1;
        o.type = type;
        o.name = name;
        return o;
    }

    /** province → district → commune committee → cells A and B, a party group under A; all published and applied. */
    record Tree(Org province, Org district, Org commune, Org cellA, Org cellB, Org group) {}

    static Tree tree(String label) {
        Org p = org(null, "PROVINCIAL_COMMITTEE", "Tỉnh ủy Điện Biên " + label);
        Org d = org(p, "DISTRICT_COMMITTEE", "Huyện ủy Tuần Giáo " + label);
        Org c = org(d, "GRASSROOTS_COMMITTEE", "Đảng bộ xã Quài Cang " + label);
        Org a = org(c, "SUBORDINATE_CELL", "Chi bộ bản Cang " + label);
        Org b = org(c, "SUBORDINATE_CELL", "Chi bộ bản Sáng " + label);
        Org g = org(a, "PARTY_GROUP", "Tổ đảng số 1 " + label);
        for (Org o : new Org[] {p, d, c, a, b, g}) {
            state(o);
        }
        for (Org o : new Org[] {p, d, c, a, b, g}) {
            awaitApplied(o.id, o.version, o.path);
        }
        return new Tree(p, d, c, a, b, g);
    }

    /** The state record of an organization on the compacted state topic. */
    static String state(Org o) {
        return send(STATE_TOPIC, o.id, envelope("vn.grassroots.organization.state", o.id, o.json()));
    }

    /** An organization event; {@code details} go into data next to the organization. */
    static String event(String type, Org o, Map<String, Object> details) {
        ObjectNode data = JSON.createObjectNode();
        data.set("organization", o.json());
        details.forEach((k, v) -> data.set(k, JSON.valueToTree(v)));
        return send(TOPIC, o.id, envelope("vn.grassroots.organization." + type, o.id, data));
    }

    static ObjectNode envelope(String type, String subject, ObjectNode data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", "/grassroots/organization");
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", Instant.now().toString());
        e.put("datacontenttype", "application/json");
        e.put("actor", "admin");
        e.set("data", data);
        return e;
    }

    /** Sends a CloudEvent (checked against its topic's contract); returns its id. */
    static String send(String topic, String key, ObjectNode event) {
        Contracts.check(topic, event);
        sendRaw(topic, key, event.toString());
        return event.path("id").asText();
    }

    /** Sends anything, contract or not (for the consumer's robustness). */
    static synchronized void sendRaw(String topic, String key, String value) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaEvents.bootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not send to " + topic, e);
        }
    }

    /** The read model's row of an organization, or null. */
    static OrgRef read(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OrgRef o = Arc.container().instance(OrganizationReadModel.class).get().findById(UUID.fromString(id));
            if (o != null) {
                Arc.container().instance(OrganizationReadModel.class).get().getEntityManager().detach(o);
            }
            return o;
        });
    }

    /** Waits until the read model holds this version and path of an organization. */
    static OrgRef awaitApplied(String id, long version, String path) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        OrgRef o = null;
        while (System.nanoTime() < deadline) {
            o = read(id);
            if (o != null && o.version == version && o.path.equals(path)) {
                return o;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("read model did not reach version " + version + " path " + path + " of " + id
                + "; has " + (o == null ? "nothing" : o.version + " " + o.path + " " + o.status));
    }
}
