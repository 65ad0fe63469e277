package vn.grassroots.organization;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.organization.Tree.ADMIN;
import static vn.grassroots.organization.Tree.BASE;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.consumer.ProcessedEvents;
import vn.grassroots.organization.events.OrganizationEvents;
import vn.grassroots.testing.KafkaEvents;

/** Changes reach Kafka as CloudEvents through the outbox, keyed by the organization id. */
@QuarkusTest
class EventsTest {
    @Inject
    ProcessedEvents processed;

    @Test
    void everyChangeIsPublishedAsACloudEvent() {
        try (KafkaEvents events = new KafkaEvents(OrganizationEvents.TOPIC);
                KafkaEvents state = new KafkaEvents(OrganizationEvents.STATE_TOPIC)) {
            Tree.Small t = Tree.small("events");
            state.await(t.cellA(), e -> "ACTIVE".equals(e.path("data").path("status").asText()), Duration.ofSeconds(20));
            var created = events.awaitType(t.cellA(), OrganizationEvents.CREATED).event();
            assertEquals("1.0", created.path("specversion").asText());
            assertEquals("/grassroots/organization", created.path("source").asText());
            assertEquals(t.cellA(), created.path("subject").asText());
            assertEquals("SUBORDINATE_CELL", created.path("data").path("organization").path("type").asText());
            assertEquals("Chi bộ bản Cang events", created.path("data").path("organization").path("name").asText());
            assertTrue(created.path("time").asText().endsWith("Z"));
            assertEquals("admin", created.path("actor").asText());

            String other = Tree.create(ADMIN, t.district(), "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Pú Nhung");
            String trace = UUID.randomUUID().toString().replace("-", "");
            given().header("Authorization", ADMIN).header("X-Correlation-Id", "move-" + t.cellA())
                    .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01").contentType(ContentType.JSON)
                    .body(Map.of("newParentId", other, "decision", Map.of("number", "9-QĐ", "date", "2025-02-03")))
                    .post(BASE + "/" + t.cellA() + "/move").then().statusCode(200);
            var movedRecord = events.awaitType(t.cellA(), OrganizationEvents.MOVED);
            var moved = movedRecord.event();
            assertEquals("move-" + t.cellA(), moved.path("correlationid").asText());
            // the span that served the move, in the caller's trace (tracing is on in this module's tests, exporting nothing)
            assertTrue(moved.path("traceparent").asText().matches("00-" + trace + "-(?!00f067aa0ba902b7)[0-9a-f]{16}-01"),
                    moved.path("traceparent").asText());
            assertEquals(moved.path("traceparent").asText(), new String(movedRecord.record().headers().lastHeader("traceparent").value(),
                    StandardCharsets.UTF_8), "also a Kafka header, which the consumers' tracing reads");
            assertEquals(t.commune(), moved.path("data").path("oldParentId").asText());
            assertEquals(other, moved.path("data").path("newParentId").asText());
            assertEquals(2, moved.path("data").path("subtreeSize").asInt());
            // the party group's state record carries its rewritten path
            String newGroupPath = "/" + t.province() + "/" + t.district() + "/" + other + "/" + t.cellA() + "/" + t.group() + "/";
            var groupMoved = state.await(t.group(), e -> newGroupPath.equals(e.path("data").path("path").asText()), Duration.ofSeconds(20));
            assertEquals(moved.path("traceparent").asText(), groupMoved.event().path("traceparent").asText(), "one statement's events too");
        }
    }

    @Test
    void committeeChangesArePublishedOnTheirOwnTopic() {
        try (KafkaEvents events = new KafkaEvents(OrganizationEvents.COMMITTEE_TOPIC);
                KafkaEvents state = new KafkaEvents(OrganizationEvents.COMMITTEE_STATE_TOPIC);
                KafkaEvents orgEvents = new KafkaEvents(OrganizationEvents.TOPIC)) {
            Tree.Small t = Tree.small("committee-events");
            String committee = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("term", "2025-2030")).post(BASE + "/" + t.cellA() + "/committees")
                    .then().statusCode(201).extract().path("id");
            String member = UUID.randomUUID().toString();
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("memberId", member, "memberName", "Lường Văn Thắng", "position", "SECRETARY",
                            "concurrentRoles", java.util.List.of("Trưởng bản"), "since", "2025-06-01"))
                    .post(BASE + "/" + t.cellA() + "/committees/" + committee + "/positions").then().statusCode(200);
            events.awaitType(committee, OrganizationEvents.COMMITTEE_FORMED);
            var assigned = events.awaitType(committee, OrganizationEvents.POSITION_ASSIGNED).event();
            assertEquals(member, assigned.path("data").path("position").path("memberId").asText());
            assertEquals("Trưởng bản", assigned.path("data").path("position").path("concurrentRoles").path(0).asText());
            state.await(committee, e -> e.path("data").path("positions").size() == 1, Duration.ofSeconds(20));

            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("documentNumber", "02-QC", "issuedOn", "2025-07-01", "title", "Quy chế làm việc"))
                    .post(BASE + "/" + t.cellA() + "/regulations").then().statusCode(201);
            var issued = orgEvents.awaitType(t.cellA(), OrganizationEvents.REGULATION_ISSUED).event();
            assertEquals("02-QC", issued.path("data").path("regulation").path("documentNumber").asText());
        }
    }

    @Test
    @Transactional
    void aConsumerAppliesAnEventOnce() {
        String id = UUID.randomUUID().toString();
        assertTrue(processed.firstDelivery("test-consumer", id));
        assertTrue(!processed.firstDelivery("test-consumer", id));
        assertTrue(processed.firstDelivery("another-consumer", id));
    }
}
