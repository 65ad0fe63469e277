package vn.grassroots.meetings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.KafkaEvents;
import vn.grassroots.testing.OrganizationFeed;

/**
 * The consumers never lose nor skip a record (issue 12): poison goes to the dead-letter topic with its reason and the
 * next records go on; a database failure is retried until it passes, with nothing after it skipped; a dead letter is
 * replayed once after a fix; the read models rebuilt from the state topics equal the live ones.
 */
@QuarkusTest
class EventConsumersTest {
    static final String ADMIN_PATH = "/api/v1/meetings/event-consumers";
    static final String DLQ = "grassroots.meetings.dead-letter.v1";

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextOnesAreApplied() {
        Feed.Tree t = Feed.tree("poison");
        String key = UUID.randomUUID().toString();
        String notJson = "not json " + key;
        Feed.sendRaw(Feed.MEMBER_STATE, key, notJson);
        // a CloudEvent whose member fails the applier's validation (no organizationId, no version)
        String refusedId = UUID.randomUUID().toString();
        Feed.sendRaw(Feed.MEMBER_STATE, key, "{\"specversion\":\"1.0\",\"id\":\"" + refusedId
                + "\",\"type\":\"vn.grassroots.member.state\",\"source\":\"/grassroots/membership\",\"data\":{\"id\":\"" + key + "\",\"fullName\":\"Lò Văn Thiếu\"}}");
        Feed.sendRaw(Feed.ASSIGNMENT_STATE, key, "{\"id\":\"" + UUID.randomUUID() + "\"}"); // no type: not a CloudEvent
        // after them, on the same partitions (same key): good records
        Feed.Member next = Feed.member(t.cellA(), "Lò Thị Tiếp", "OFFICIAL");
        Feed.send(Feed.MEMBER_STATE, key, Feed.envelope("/grassroots/membership", "vn.grassroots.member.state", next.id, next.json()), true);
        Feed.awaitMember(next);
        Feed.assignAttendance(next.id, t.cellA(), 1, "ACTIVE");

        // listed by the admin endpoint, with the reason and the source
        JsonPath list = given().header("Authorization", Api.ADMIN).queryParam("channel", "members-state").queryParam("limit", 200)
                .queryParam("pending", true).when().get(ADMIN_PATH + "/dead-letters").then().statusCode(200).extract().jsonPath();
        Map<String, Object> poison = find(ADMIN_PATH + "/dead-letters?channel=members-state", "value", notJson);
        assertEquals(key, poison.get("key"));
        assertTrue(poison.get("reason").toString().startsWith("not JSON"), poison.toString());
        assertEquals(Feed.MEMBER_STATE, poison.get("sourceTopic"));
        assertNotNull(poison.get("sourceOffset"));
        Map<String, Object> refused = find(ADMIN_PATH + "/dead-letters?channel=members-state", "key", key, "reason", "data is not a member*");
        assertTrue(refused.get("value").toString().contains(refusedId));
        find(ADMIN_PATH + "/dead-letters?channel=assignments-state", "key", key, "reason", "not a CloudEvent with id and type");
        assertTrue(list.getList("items").size() >= 2);

        // on the dead-letter topic: key and value untouched, the reason and the source in headers
        ConsumerRecord<String, String> dead = awaitOnDeadLetterTopic(notJson);
        assertEquals(key, dead.key());
        assertEquals("members-state", header(dead, "dead-letter-channel"));
        assertEquals(Feed.MEMBER_STATE, header(dead, "dead-letter-topic"));
        assertEquals(poison.get("sourceOffset").toString(), header(dead, "dead-letter-offset"));
        assertEquals(poison.get("sourcePartition").toString(), header(dead, "dead-letter-partition"));
        assertTrue(header(dead, "dead-letter-reason").startsWith("not JSON"));
        assertNotNull(header(dead, "dead-letter-timestamp"));

        // counted per channel
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(counter(metrics, "grassroots_consumer_dead_letters_total", "members-state") >= 2, "dead letters counted");

        // admin only
        given().header("Authorization", Api.as("organizer", t.province())).when().get(ADMIN_PATH + "/dead-letters").then().statusCode(403);
        given().header("Authorization", Api.ADMIN).queryParam("limit", 0).when().get(ADMIN_PATH + "/dead-letters").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void aDatabaseFailureIsRetriedUntilItPassesAndNothingAfterTheRecordIsSkipped() throws Exception {
        Feed.Tree t = Feed.tree("outage");
        String metricsBefore = given().when().get("/q/metrics").then().extract().asString();
        double retriesBefore = counter(metricsBefore, "grassroots_consumer_retries_total", "assignments-state");
        String key = UUID.randomUUID().toString();
        String[] ids = new String[3];
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            // the consumer's table is gone for a moment (a restore, a migration): applying fails with undefined_table
            s.execute("ALTER TABLE assignment_ref RENAME TO assignment_ref_away");
            try {
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = sendAssignment(key, t.cellB(), "ACTIVE");
                }
                // the records may wait behind others on the channel (a busy CI machine took over 4 s): wait for the retry
                Feed.await("a retry of the failed record", () -> counter(given().when().get("/q/metrics").then().extract().asString(),
                        "grassroots_consumer_retries_total", "assignments-state") > retriesBefore);
            } finally {
                s.execute("ALTER TABLE assignment_ref_away RENAME TO assignment_ref");
            }
        }
        for (String id : ids) {
            Feed.await("assignment " + id + " after the outage",
                    () -> Feed.count("SELECT count(*) FROM assignment_ref WHERE id = ?1", UUID.fromString(id)) == 1);
        }
        assertEquals(0, Feed.count("SELECT count(*) FROM dead_letter WHERE record_key = ?1", key), "nothing was dead-lettered");
        // and the channel goes on
        String after = sendAssignment(key, t.cellB(), "ACTIVE");
        Feed.await("assignment after", () -> Feed.count("SELECT count(*) FROM assignment_ref WHERE id = ?1", UUID.fromString(after)) == 1);
    }

    @Test
    void aDeadLetterIsReplayedOnceAfterTheFix() throws Exception {
        Feed.Tree t = Feed.tree("replay");
        Feed.Member refused = Feed.member(t.cellA(), "Quàng Thị Sửa " + UUID.randomUUID(), "OFFICIAL");
        Feed.Member fine = Feed.member(t.cellA(), "Quàng Văn Ổn", "OFFICIAL");
        String constraint = "dl_test_" + refused.id.substring(0, 8);
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            // a rule of this service that the record breaks (as a bug would): integrity error, a poison record
            s.execute("ALTER TABLE member_ref ADD CONSTRAINT " + constraint + " CHECK (full_name <> '" + refused.fullName + "')");
            String eventId;
            try {
                eventId = vn.grassroots.testing.CloudEvents.send(Feed.MEMBER_STATE, refused.id, Feed.envelope("/grassroots/membership", "vn.grassroots.member.state", refused.id, refused.json()), true);
                Feed.members(fine); // the next record is applied
                Feed.await("the dead letter", () -> Feed.count("SELECT count(*) FROM dead_letter WHERE record_key = ?1", refused.id) == 1);
            } finally {
                s.execute("ALTER TABLE member_ref DROP CONSTRAINT " + constraint); // the fix
            }
            assertEquals(0, Feed.count("SELECT count(*) FROM member_ref WHERE id = ?1", UUID.fromString(refused.id)));
            Map<String, Object> letter = find(ADMIN_PATH + "/dead-letters?channel=members-state&pending=true", "key", refused.id);
            assertTrue(letter.get("reason").toString().contains(constraint), letter.toString());
            Object id = letter.get("id");

            given().header("Authorization", Api.as("organizer", t.province())).when().post(ADMIN_PATH + "/dead-letters/" + id + "/replay")
                    .then().statusCode(403);
            String replayedAt = given().header("Authorization", Api.ADMIN).when().post(ADMIN_PATH + "/dead-letters/" + id + "/replay")
                    .then().statusCode(200).body("replayedAt", notNullValue()).body("key", equalTo(refused.id))
                    .extract().path("replayedAt");
            Feed.awaitMember(refused);
            // replayed again: answered as it is, applied once
            given().header("Authorization", Api.ADMIN).when().post(ADMIN_PATH + "/dead-letters/" + id + "/replay")
                    .then().statusCode(200).body("replayedAt", equalTo(replayedAt));
            assertEquals(1, Feed.count("SELECT count(*) FROM member_ref WHERE id = ?1", UUID.fromString(refused.id)));
            assertEquals(1, Feed.count("SELECT count(*) FROM processed_event WHERE event_id = ?1", eventId));
            given().header("Authorization", Api.ADMIN).queryParam("pending", true).queryParam("channel", "members-state").queryParam("limit", 200)
                    .when().get(ADMIN_PATH + "/dead-letters").then().statusCode(200)
                    .body("items.findAll { it.key == '" + refused.id + "' }.size()", equalTo(0));
            given().header("Authorization", Api.ADMIN).when().post(ADMIN_PATH + "/dead-letters/999999999/replay").then().statusCode(404);
        }
    }

    @Test
    void theReadModelsRebuiltFromTheStateTopicsEqualTheLiveOnes() {
        Feed.Tree t = Feed.tree("rebuild");
        Feed.Member a = Feed.member(t.cellA(), "Lường Văn Dựng", "OFFICIAL");
        Feed.Member b = Feed.member(t.cellB(), "Lường Thị Lại", "OFFICIAL");
        b.hosts = List.<String[]>of(new String[] {t.cellA().id, "2030-01-01"});
        Feed.members(a, b);
        Feed.assignAttendance(a.id, t.cellB(), 1, "ACTIVE");
        // a newer state of a member replaces the older one on the (compacted) state topic
        a.version = 2;
        a.status = "PROBATIONARY";
        Feed.members(a);

        // the test feed publishes some events without their state record (the real publishers keep both): their
        // aggregates cannot be rebuilt from the state topics and are left out of the comparison
        Set<String> eventOnly = eventOnlyIds();
        Map<String, Set<String>> live = snapshot(eventOnly);
        assertTrue(live.get("org_ref").stream().anyMatch(r -> r.contains(t.cellA().id)));
        assertTrue(live.get("member_host").stream().anyMatch(r -> r.contains(b.id)));

        given().header("Authorization", Api.as("organizer", t.province())).when().post(ADMIN_PATH + "/rebuild").then().statusCode(403);
        given().header("Authorization", Api.ADMIN).when().post(ADMIN_PATH + "/rebuild").then().statusCode(202);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String state;
        do {
            state = given().header("Authorization", Api.ADMIN).when().get(ADMIN_PATH + "/rebuild").then().statusCode(200).extract().path("state");
        } while ("RUNNING".equals(state) && System.nanoTime() < deadline && sleep(200));
        assertEquals("DONE", state);

        Map<String, Set<String>> rebuilt = snapshot(eventOnly);
        for (String table : live.keySet()) {
            assertEquals(live.get(table), rebuilt.get(table), table + " rebuilt equals live");
        }
        assertEquals(1, Feed.count("SELECT count(*) FROM member_ref WHERE id = ?1 AND version = 2 AND status = 'PROBATIONARY'", UUID.fromString(a.id)));
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static String sendAssignment(String key, OrganizationFeed.Org org, String status) {
        String id = UUID.randomUUID().toString();
        ObjectNode a = Feed.JSON.createObjectNode();
        a.put("id", id).put("personId", UUID.randomUUID().toString()).put("targetType", "ORGANIZATION").put("targetId", org.id)
                .put("organizationId", org.id).put("role", "ATTENDS_MEETINGS").put("validFrom", "2025-01-01").putNull("validTo");
        a.put("status", status).put("version", 1).put("updatedAt", java.time.Instant.now().toString());
        Feed.send(Feed.ASSIGNMENT_STATE, key, Feed.envelope("/grassroots/assignments", "vn.grassroots.assignment.state", id, a), false);
        return id;
    }

    /** Every row of the read models (but the time it was applied), leaving out those that mention an excluded id. */
    private static Map<String, Set<String>> snapshot(Set<String> excluded) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            Map<String, Set<String>> tables = new java.util.LinkedHashMap<>();
            for (String table : List.of("org_ref", "member_ref", "member_host", "assignment_ref")) {
                @SuppressWarnings("unchecked")
                List<String> rows = em.createNativeQuery("SELECT (to_jsonb(t) - 'applied_at' - 'updated_at')::text FROM " + table + " t").getResultList();
                Set<String> kept = new TreeSet<>();
                for (String row : rows) {
                    if (excluded.stream().noneMatch(row::contains)) {
                        kept.add(row);
                    }
                }
                tables.put(table, kept);
            }
            return tables;
        });
    }

    /** The ids in the records of the event topics (the aggregates an event changed, and in a move the moved subtree). */
    private static Set<String> eventOnlyIds() {
        Set<String> ids = new HashSet<>();
        for (String topic : List.of(Feed.ORG_TOPIC, Feed.MEMBER_TOPIC, "grassroots.assignments.assignments.v1")) {
            for (ConsumerRecord<String, String> r : readAll(topic)) {
                if (r.value() == null) {
                    continue;
                }
                JsonNode data;
                try {
                    data = Feed.JSON.readTree(r.value()).path("data");
                } catch (Exception e) {
                    continue;
                }
                for (String field : List.of("organization", "member", "assignment")) {
                    String id = data.path(field).path("id").asText("");
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                }
            }
        }
        // (a row of the moved subtree mentions the moved organization in its path, and is left out with it)
        return ids;
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaEvents.bootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> all = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return all;
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new java.util.HashMap<>(consumer.endOffsets(parts));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(all::add);
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return all;
    }

    private static ConsumerRecord<String, String> awaitOnDeadLetterTopic(String value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : readAll(DLQ)) {
                if (value.equals(r.value())) {
                    return r;
                }
            }
            sleep(300);
        }
        throw new AssertionError("not on " + DLQ + ": " + value);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A sample's value; OpenMetrics may follow it with an exemplar ({@code # {trace_id=…}}) when a span was current. */
    private static double counter(String metrics, String name, String channel) {
        Matcher m = Pattern.compile("^" + name + "\\{[^}]*channel=\"" + Pattern.quote(channel) + "\"[^}]*\\} ([0-9.eE+-]+)( # .*)?$",
                        Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The dead letter whose fields have these values (pairs; a value ending in * is a prefix), waiting until it is listed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(String path, String... fieldValues) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String cursor = null;
            do {
                var req = given().header("Authorization", Api.ADMIN).queryParam("limit", 200);
                if (cursor != null) {
                    req.queryParam("cursor", cursor);
                }
                JsonPath page = req.when().get(path).then().statusCode(200).extract().jsonPath();
                for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                    boolean all = true;
                    for (int i = 0; i < fieldValues.length; i += 2) {
                        String want = fieldValues[i + 1];
                        String have = String.valueOf(item.get(fieldValues[i]));
                        all &= want.endsWith("*") ? have.startsWith(want.substring(0, want.length() - 1)) : want.equals(have);
                    }
                    if (all) {
                        return item;
                    }
                }
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            sleep(300);
        }
        throw new AssertionError("no dead letter at " + path + " with " + String.join(", ", fieldValues));
    }
}
