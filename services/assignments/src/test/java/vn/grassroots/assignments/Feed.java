package vn.grassroots.assignments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.grassroots.testing.Contracts;
import vn.grassroots.testing.KafkaEvents;

/**
 * Acts as the organization, membership and meetings services in tests: publishes their CloudEvents to the real
 * topics (organization and member events checked against their contracts) and waits until this service's read
 * models have applied them.
 */
final class Feed {
    static final String ORG_TOPIC = "grassroots.organization.organizations.v1";
    static final String ORG_STATE_TOPIC = "grassroots.organization.organizations-state.v1";
    static final String MEMBER_TOPIC = "grassroots.membership.members.v1";
    static final String MEMBER_STATE_TOPIC = "grassroots.membership.members-state.v1";
    static final String MEETING_TOPIC = "grassroots.meetings.meetings.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private Feed() {}

    /** An organization as the organization service describes it. */
    static final class Org {
        final String id = UUID.randomUUID().toString();
        String parentId;
        String path;
        int depth;
        String type;
        String sector = "RESIDENTIAL";
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
            o.put("sector", sector);
            o.put("status", status);
            o.put("name", name);
            o.put("version", version);
            o.put("createdAt", "2025-01-02T03:04:05.000000Z");
            o.put("updatedAt", Instant.now().toString());
            return o;
        }
    }

    static Org org(Org parent, String type, String sector, String name) {
        Org o = new Org();
        o.parentId = parent == null ? null : parent.id;
        o.path = (parent == null ? "/" : parent.path) + o.id + "/";
        o.depth = parent == null ? 0 : parent.depth + 1;
        o.type = type;
        o.sector = sector;
        o.name = name;
        return o;
    }

    /**
     * Province → district → commune committee (grassroots) → residential cells A and B; and a second district with a
     * grassroots cell (a school) outside the first district. All published and applied.
     */
    record Tree(Org province, Org district, Org commune, Org cellA, Org cellB, Org otherDistrict, Org school) {}

    private static boolean ready;

    /**
     * Waits until every consumer of the service has its partitions: the test profile reads from the end of the
     * topics (see FreshConsumerGroup), so a record sent before that would be missed. A probe is sent to each topic,
     * again and again, until the read model shows one.
     */
    static synchronized void ready() {
        if (ready) {
            return;
        }
        probe("organization state", () -> {
            Org o = org(null, "PROVINCIAL_COMMITTEE", "OTHER", "probe");
            orgState(o);
            return "SELECT 1 FROM org_ref WHERE id = cast('" + o.id + "' AS uuid)";
        });
        probe("organization events", () -> {
            Org o = org(null, "PROVINCIAL_COMMITTEE", "OTHER", "probe");
            orgEvent("created", o, Map.of());
            return "SELECT 1 FROM org_ref WHERE id = cast('" + o.id + "' AS uuid)";
        });
        probe("member state", () -> {
            Member m = new Member();
            m.fullName = "probe";
            m.organizationId = UUID.randomUUID().toString();
            send(MEMBER_STATE_TOPIC, m.id, envelope("/grassroots/membership", "vn.grassroots.member.state", m.id, m.json()), true);
            return "SELECT 1 FROM member_ref WHERE id = cast('" + m.id + "' AS uuid)";
        });
        probe("member events", () -> {
            Member m = new Member();
            m.fullName = "probe";
            m.organizationId = UUID.randomUUID().toString();
            memberEvent("registered", m, Map.of());
            return "SELECT 1 FROM member_ref WHERE id = cast('" + m.id + "' AS uuid)";
        });
        probe("meeting events", () -> {
            Org o = org(null, "GRASSROOTS_CELL", "OTHER", "probe");
            String id = sendHeld(o, "REGULAR", LocalDate.now(), List.of());
            return "SELECT 1 FROM held_meeting WHERE id = cast('" + id + "' AS uuid)";
        });
        ready = true;
    }

    private static void probe(String what, Supplier<String> sendAndQuery) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String sql = sendAndQuery.get();
            for (int i = 0; i < 10; i++) {
                boolean seen = QuarkusTransaction.requiringNew().call(() -> !em().createNativeQuery(sql).getResultList().isEmpty());
                if (seen) {
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new AssertionError("the consumer of " + what + " never got its partitions");
    }

    static Tree tree(String label) {
        ready();
        Org p = org(null, "PROVINCIAL_COMMITTEE", "OTHER", "Tỉnh ủy Điện Biên " + label);
        Org d = org(p, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Tuần Giáo " + label);
        Org c = org(d, "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Quài Cang " + label);
        Org a = org(c, "SUBORDINATE_CELL", "RESIDENTIAL", "Chi bộ bản Cang " + label);
        Org b = org(c, "SUBORDINATE_CELL", "RESIDENTIAL", "Chi bộ bản Sáng " + label);
        Org d2 = org(p, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Mường Ảng " + label);
        Org s = org(d2, "GRASSROOTS_CELL", "PUBLIC_SERVICE", "Chi bộ Trường THCS Ẳng Nưa " + label);
        Org[] all = {p, d, c, a, b, d2, s};
        for (Org o : all) {
            orgState(o);
        }
        for (Org o : all) {
            awaitOrg(o.id, o.version, o.status);
        }
        return new Tree(p, d, c, a, b, d2, s);
    }

    static void orgState(Org o) {
        send(ORG_STATE_TOPIC, o.id, envelope("/grassroots/organization", "vn.grassroots.organization.state", o.id, o.json()), true);
    }

    static void orgEvent(String type, Org o, Map<String, Object> details) {
        ObjectNode data = JSON.createObjectNode();
        data.set("organization", o.json());
        details.forEach((k, v) -> data.set(k, JSON.valueToTree(v)));
        send(ORG_TOPIC, o.id, envelope("/grassroots/organization", "vn.grassroots.organization." + type, o.id, data), true);
    }

    /** A member as the membership service describes it. */
    static final class Member {
        final String id = UUID.randomUUID().toString();
        String fullName;
        String organizationId;
        String status = "OFFICIAL";
        long version = 1;

        ObjectNode json() {
            ObjectNode m = JSON.createObjectNode();
            m.put("id", id);
            m.put("fullName", fullName);
            m.put("gender", "MALE");
            m.put("birthDate", "1980-05-01");
            m.put("theoryLevel", "INTERMEDIATE");
            m.put("admissionDate", "2005-03-03");
            m.put("organizationId", organizationId);
            m.put("status", status);
            m.put("statusSince", "2006-03-03");
            m.put("version", version);
            m.put("updatedAt", Instant.now().toString());
            return m;
        }
    }

    /** A member registered in {@code org}, published on the state topic and applied. */
    static Member member(Org org, String name) {
        ready();
        Member m = new Member();
        m.fullName = name;
        m.organizationId = org.id;
        send(MEMBER_STATE_TOPIC, m.id, envelope("/grassroots/membership", "vn.grassroots.member.state", m.id, m.json()), true);
        awaitMember(m.id, m.version, m.status);
        return m;
    }

    /** A member event; returns its CloudEvent id. */
    static String memberEvent(String type, Member m, Map<String, Object> details) {
        ObjectNode data = JSON.createObjectNode();
        data.set("member", m.json());
        details.forEach((k, v) -> data.set(k, JSON.valueToTree(v)));
        ObjectNode event = envelope("/grassroots/membership", "vn.grassroots.member." + type, m.id, data);
        send(MEMBER_TOPIC, m.id, event, true);
        return event.path("id").asText();
    }

    /** Waits until the consumer of {@code channel} has recorded the event (applied or skipped as older). */
    static void awaitProcessed(String channel, String eventId) {
        await(() -> QuarkusTransaction.requiringNew().call(() -> !em().createNativeQuery(
                "SELECT 1 FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, "assignments." + channel).setParameter(2, eventId).getResultList().isEmpty()),
                "event " + eventId + " processed by " + channel);
    }

    /**
     * A held meeting as the meetings service announces it (type vn.grassroots.meeting.held). There is no meetings
     * schema in contracts/ on this branch yet, so it is sent as the agreed contract describes it, unchecked.
     */
    static String meetingHeld(Org cell, String kind, LocalDate date, List<String> superiorAttendees) {
        String id = sendHeld(cell, kind, date, superiorAttendees);
        await(() -> QuarkusTransaction.requiringNew().call(() -> !em().createNativeQuery(
                "SELECT 1 FROM held_meeting WHERE id = cast(?1 AS uuid)").setParameter(1, id).getResultList().isEmpty()),
                "meeting " + id + " applied");
        return id;
    }

    private static String sendHeld(Org cell, String kind, LocalDate date, List<String> superiorAttendees) {
        String id = UUID.randomUUID().toString();
        ObjectNode data = JSON.createObjectNode();
        ObjectNode meeting = data.putObject("meeting");
        meeting.put("id", id);
        meeting.put("organizationId", cell.id);
        meeting.put("kind", kind);
        meeting.put("format", "IN_PERSON");
        meeting.put("startsAt", date + "T01:00:00Z");
        meeting.put("meetingDate", date.toString());
        meeting.put("topic", "Sinh hoạt chi bộ tháng " + date.getMonthValue());
        meeting.put("state", "HELD");
        meeting.put("version", 3);
        meeting.put("updatedAt", Instant.now().toString());
        ObjectNode attendance = data.putObject("attendance");
        attendance.put("expected", 10);
        attendance.put("expectedOfficial", 9);
        attendance.put("present", 8);
        attendance.put("absentExcused", 1);
        attendance.put("absentUnexcused", 1);
        attendance.put("quorumMet", true);
        attendance.put("superiorAttended", !superiorAttendees.isEmpty());
        ArrayNode ids = attendance.putArray("superiorAttendeeIds");
        superiorAttendees.forEach(ids::add);
        attendance.putArray("members");
        send(MEETING_TOPIC, id, envelope("/grassroots/meetings", "vn.grassroots.meeting.held", id, data), false);
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

    static void send(String topic, String key, ObjectNode event, boolean checkContract) {
        if (checkContract) {
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

    static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }

    /** Waits until the read model holds this version and status of an organization. */
    static void awaitOrg(String id, long version, String status) {
        await(() -> QuarkusTransaction.requiringNew().call(() -> !em().createNativeQuery(
                "SELECT 1 FROM org_ref WHERE id = cast(?1 AS uuid) AND version = ?2 AND status = ?3")
                .setParameter(1, id).setParameter(2, version).setParameter(3, status).getResultList().isEmpty()),
                "organization " + id + " v" + version + " " + status);
    }

    static void awaitMember(String id, long version, String status) {
        await(() -> QuarkusTransaction.requiringNew().call(() -> !em().createNativeQuery(
                "SELECT 1 FROM member_ref WHERE id = cast(?1 AS uuid) AND version = ?2 AND status = ?3")
                .setParameter(1, id).setParameter(2, version).setParameter(3, status).getResultList().isEmpty()),
                "member " + id + " v" + version + " " + status);
    }

    static void await(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** How many events of {@code type} with this key are on the topic (read from the beginning for a while). */
    static int count(String topic, String key, String type, Duration window) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaEvents.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-count-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        int n = 0;
        long since = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < deadline) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    if (r.timestamp() >= since && key.equals(r.key())) {
                        try {
                            JsonNode e = JSON.readTree(r.value());
                            if (type.equals(e.path("type").asText())) {
                                n++;
                            }
                        } catch (Exception ignored) {
                            // not ours
                        }
                    }
                }
            }
        }
        return n;
    }
}
