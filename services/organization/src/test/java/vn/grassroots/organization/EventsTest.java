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
            var created = events.awaitType(t.cellA(), OrganizationEvents.CREATED).event();
            assertEquals("1.0", created.path("specversion").asText());
            assertEquals("/grassroots/organization", created.path("source").asText());
            assertEquals(t.cellA(), created.path("subject").asText());
            assertEquals("SUBORDINATE_CELL", created.path("data").path("organization").path("type").asText());
            assertEquals("Chi bộ bản Cang events", created.path("data").path("organization").path("name").asText());
            assertTrue(created.path("time").asText().endsWith("Z"));
            assertEquals("admin", created.path("actor").asText());

            String other = Tree.create(ADMIN, t.district(), "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Pú Nhung");
            given().header("Authorization", ADMIN).header("X-Correlation-Id", "move-" + t.cellA()).contentType(ContentType.JSON)
                    .body(Map.of("newParentId", other, "decision", Map.of("number", "9-QĐ", "date", "2025-02-03")))
                    .post(BASE + "/" + t.cellA() + "/move").then().statusCode(200);
            var moved = events.awaitType(t.cellA(), OrganizationEvents.MOVED).event();
            assertEquals("move-" + t.cellA(), moved.path("correlationid").asText());
            assertEquals(t.commune(), moved.path("data").path("oldParentId").asText());
            assertEquals(other, moved.path("data").path("newParentId").asText());
            assertEquals(2, moved.path("data").path("subtreeSize").asInt());
            // the party group's state record carries its rewritten path
            String newGroupPath = "/" + t.province() + "/" + t.district() + "/" + other + "/" + t.cellA() + "/" + t.group() + "/";
            state.await(t.group(), e -> newGroupPath.equals(e.path("data").path("path").asText()), Duration.ofSeconds(20));
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
