package vn.grassroots.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Kafka unreachable the change still commits and its events wait in the outbox. */
@QuarkusTest
@TestProfile(OutboxWithoutKafkaTest.KafkaDown.class)
class OutboxWithoutKafkaTest {
    public static class KafkaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "localhost:1", "grassroots.outbox.poll-interval", "200MS");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void nothingIsLostWhileKafkaIsDown() throws Exception {
        String province = Tree.province("Tỉnh ủy Lai Châu offline");
        Thread.sleep(1500); // several relay attempts fail meanwhile
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT count(*), count(sent_at) FROM outbox WHERE aggregate_id = ?1")
                .setParameter(1, province).getSingleResult();
        assertEquals(2L, ((Number) row[0]).longValue(), "the created event and the state record are kept");
        assertEquals(0L, ((Number) row[1]).longValue(), "and not marked sent");
        // Kafka down is not "not ready": the service serves, the outbox holds the events and readiness shows them
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.unsent", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }
}
