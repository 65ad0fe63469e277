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
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.grassroots.testing.CloudEvents;
import vn.grassroots.testing.KafkaEvents;
import vn.grassroots.testing.MemberFeed;
import vn.grassroots.testing.OrganizationFeed.Org;
import vn.grassroots.testing.OrganizationFeed;
import vn.grassroots.testing.ReadModels;

/**
 * Acts as the organization, membership and meetings services in tests: publishes their CloudEvents to the real
 * topics (organization and member events checked against their contracts) and waits until this service's read
 * models have applied them.
 */
final class Feed {
    static final String ORG_TOPIC = OrganizationFeed.TOPIC;
    static final String ORG_STATE_TOPIC = OrganizationFeed.STATE_TOPIC;
    static final String MEMBER_TOPIC = MemberFeed.TOPIC;
    static final String MEMBER_STATE_TOPIC = MemberFeed.STATE_TOPIC;
    static final String MEETING_TOPIC = "grassroots.meetings.meetings.v1";
    private static final ObjectMapper JSON = CloudEvents.JSON;

    private Feed() {}

    static Org org(Org parent, String type, String sector, String name) {
        return OrganizationFeed.org(parent, type, sector, name);
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
            send(MEMBER_STATE_TOPIC, m.id, MemberFeed.stateRecord(m), true);
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
        String[] sql = new String[1];
        ReadModels.probe(what, Duration.ofSeconds(90), () -> sql[0] = sendAndQuery.get(),
                () -> QuarkusTransaction.requiringNew().call(() -> !em().createNativeQuery(sql[0]).getResultList().isEmpty()));
    }

    static Tree tree(String label) {
        ready();
        OrganizationFeed.Commune t = OrganizationFeed.commune(label);
        Org d2 = org(t.province(), "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Mường Ảng " + label);
        Org s = org(d2, "GRASSROOTS_CELL", "PUBLIC_SERVICE", "Chi bộ Trường THCS Ẳng Nưa " + label);
        Org[] all = {t.province(), t.district(), t.commune(), t.cellA(), t.cellB(), d2, s};
        for (Org o : all) {
            orgState(o);
        }
        for (Org o : all) {
            awaitOrg(o.id, o.version, o.status);
        }
        return new Tree(t.province(), t.district(), t.commune(), t.cellA(), t.cellB(), d2, s);
    }

    static void orgState(Org o) {
        OrganizationFeed.publishState(o);
    }

    static void orgEvent(String type, Org o, Map<String, Object> details) {
        OrganizationFeed.publishEvent(type, o, JSON.valueToTree(details));
    }

    /** A member as the membership service describes it, version 1 here. */
    static final class Member extends MemberFeed.Member {
        Member() {
            version = 1;
        }
    }

    /** A member registered in {@code org}, published on the state topic and applied. */
    static Member member(Org org, String name) {
        ready();
        Member m = new Member();
        m.fullName = name;
        m.organizationId = org.id;
        send(MEMBER_STATE_TOPIC, m.id, MemberFeed.stateRecord(m), true);
        awaitMember(m.id, m.version, m.status);
        return m;
    }

    /** A member event; returns its CloudEvent id. */
    static String memberEvent(String type, Member m, Map<String, Object> details) {
        ObjectNode event = MemberFeed.event(type, m, JSON.valueToTree(details));
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
        return CloudEvents.envelope(source, type, subject, data);
    }

    static void send(String topic, String key, ObjectNode event, boolean checkContract) {
        CloudEvents.send(topic, key, event, checkContract);
    }

    static void sendRaw(String topic, String key, String value) {
        CloudEvents.sendRaw(topic, key, value);
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
        ReadModels.await(what, Duration.ofSeconds(60), condition::get);
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
