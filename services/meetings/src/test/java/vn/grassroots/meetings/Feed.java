package vn.grassroots.meetings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.grassroots.testing.Contracts;
import vn.grassroots.testing.KafkaEvents;

/**
 * Acts as the organization, membership and assignments services in tests: publishes their CloudEvents on the real
 * topics (checked against their contracts where contracts/ has them) and waits until the read models applied them.
 */
final class Feed {
    static final String ORG_TOPIC = "grassroots.organization.organizations.v1";
    static final String ORG_STATE = "grassroots.organization.organizations-state.v1";
    static final String MEMBER_STATE = "grassroots.membership.members-state.v1";
    static final String MEMBER_TOPIC = "grassroots.membership.members.v1";
    static final String ASSIGNMENT_STATE = "grassroots.assignments.assignments-state.v1";
    static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private Feed() {}

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

    /** province → district → commune committee → cells A and B; all published and applied. */
    record Tree(Org province, Org district, Org commune, Org cellA, Org cellB) {}

    static Tree tree(String label) {
        Org p = org(null, "PROVINCIAL_COMMITTEE", "Tỉnh ủy Điện Biên " + label);
        Org d = org(p, "DISTRICT_COMMITTEE", "Huyện ủy Tuần Giáo " + label);
        Org c = org(d, "GRASSROOTS_COMMITTEE", "Đảng bộ xã Quài Cang " + label);
        Org a = org(c, "SUBORDINATE_CELL", "Chi bộ bản Cang " + label);
        Org b = org(c, "SUBORDINATE_CELL", "Chi bộ bản Sáng " + label);
        for (Org o : new Org[] {p, d, c, a, b}) {
            orgState(o);
        }
        for (Org o : new Org[] {p, d, c, a, b}) {
            await("organization " + o.id + " v" + o.version + " at " + o.path,
                    () -> count("SELECT count(*) FROM org_ref WHERE id = ?1 AND version = ?2 AND path = ?3", UUID.fromString(o.id), o.version, o.path) == 1);
        }
        return new Tree(p, d, c, a, b);
    }

    static void orgState(Org o) {
        send(ORG_STATE, o.id, envelope("/grassroots/organization", "vn.grassroots.organization.state", o.id, o.json()), true);
    }

    static void orgEvent(String type, Org o, ObjectNode details) {
        ObjectNode data = JSON.createObjectNode();
        data.set("organization", o.json());
        if (details != null) {
            data.setAll(details);
        }
        send(ORG_TOPIC, o.id, envelope("/grassroots/organization", "vn.grassroots.organization." + type, o.id, data), true);
    }

    /** A member as the membership service describes it, with the contract's new temporaryHosts. */
    static final class Member {
        final String id = UUID.randomUUID().toString();
        String fullName;
        String organizationId;
        String status;
        long version;
        List<String[]> hosts = List.of();

        ObjectNode json() {
            ObjectNode m = JSON.createObjectNode();
            m.put("id", id);
            m.put("fullName", fullName);
            m.put("gender", "MALE");
            m.put("birthDate", "1980-05-06");
            m.put("theoryLevel", "ELEMENTARY");
            m.put("admissionDate", "2010-03-02");
            m.put("organizationId", organizationId);
            m.put("status", status);
            m.put("statusSince", "2011-03-02");
            m.put("version", version);
            m.put("updatedAt", Instant.now().toString());
            if (!hosts.isEmpty()) {
                ArrayNode a = m.putArray("temporaryHosts");
                for (String[] h : hosts) {
                    ObjectNode n = a.addObject();
                    n.put("organizationId", h[0]);
                    n.put("until", h[1]);
                }
            }
            return m;
        }
    }

    static Member member(Org cell, String name, String status) {
        Member m = new Member();
        m.fullName = name;
        m.organizationId = cell.id;
        m.status = status;
        return m;
    }

    /** Publishes the members' state records and waits for all of them. */
    static void members(Member... ms) {
        for (Member m : ms) {
            // contracts/ does not have temporaryHosts yet (new in the agreed contract): check only records without it
            send(MEMBER_STATE, m.id, envelope("/grassroots/membership", "vn.grassroots.member.state", m.id, m.json()), m.hosts.isEmpty());
        }
        for (Member m : ms) {
            awaitMember(m);
        }
    }

    static void awaitMember(Member m) {
        await("member " + m.id + " v" + m.version, () -> count("SELECT count(*) FROM member_ref WHERE id = ?1 AND version = ?2",
                UUID.fromString(m.id), m.version) == 1);
    }

    static void memberEvent(String type, Member m) {
        ObjectNode data = JSON.createObjectNode();
        data.set("member", m.json());
        send(MEMBER_TOPIC, m.id, envelope("/grassroots/membership", "vn.grassroots.member." + type, m.id, data), m.hosts.isEmpty());
    }

    /** An ATTENDS_MEETINGS assignment of a superior committee member to an organization, from today. */
    static String assignAttendance(String personId, Org org, long version, String status) {
        String id = UUID.randomUUID().toString();
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id);
        a.put("personId", personId);
        a.put("targetType", "ORGANIZATION");
        a.put("targetId", org.id);
        a.put("organizationId", org.id);
        a.put("role", "ATTENDS_MEETINGS");
        a.put("validFrom", LocalDate.now().minusMonths(1).toString());
        a.putNull("validTo");
        a.put("status", status);
        a.put("version", version);
        a.put("updatedAt", Instant.now().toString());
        // the assignments service's schema is not in contracts/ yet: sent as agreed, unchecked
        send(ASSIGNMENT_STATE, id, envelope("/grassroots/assignments", "vn.grassroots.assignment.state", id, a), false);
        await("assignment " + id, () -> count("SELECT count(*) FROM assignment_ref WHERE id = ?1", UUID.fromString(id)) == 1);
        return id;
    }

    static ObjectNode envelope(String source, String type, String subject, ObjectNode data) {
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

    static void send(String topic, String key, ObjectNode event, boolean check) {
        if (check) {
            Contracts.check(topic, event);
        }
        sendRaw(topic, key, event.toString());
    }

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

    static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    static void await(String what, Supplier<Boolean> done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (done.get()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("read model did not apply " + what + " within 180 s (a new consumer group first catches up with the whole topic)");
    }
}
