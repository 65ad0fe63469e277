package vn.grassroots.evaluations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.KafkaEvents;

/** Cycles: year, scope and policy; the policy is fixed once ratings exist; opened and closed events. */
@QuarkusTest
class CyclesTest {

    @Test
    void aCycleIsOpenedAndClosedWithItsEvents() {
        Feed.Tree t = Feed.tree("cycle-events");
        String organizer = Api.as("organizer", t.district().id);
        try (KafkaEvents cycles = new KafkaEvents("grassroots.evaluations.cycles.v1");
                KafkaEvents state = new KafkaEvents("grassroots.evaluations.cycles-state.v1")) {
            String id = Api.openCycle(organizer, 2025, t.district().id, Api.CURRENT);
            Api.get(organizer, "/cycles/" + id).statusCode(200)
                    .body("state", equalTo("OPEN")).body("policyCode", equalTo("CURRENT-2018"))
                    .body("scopeOrganizationName", equalTo(t.district().name)).body("ratings", equalTo(0));
            var opened = cycles.awaitType(id, "vn.grassroots.evaluation.cycle-opened").event();
            assertEquals(2025, opened.path("data").path("cycle").path("year").asInt());
            assertEquals(t.district().path, opened.path("data").path("cycle").path("scopePath").asText());
            // a cell's secretary sees the cycle that covers their cell
            Api.get(Api.as("secretary", t.cellA().id), "/cycles?year=2025").statusCode(200).body("items.id", hasItem(id));

            Api.post(organizer, "/cycles/" + id + "/close", Map.of()).statusCode(200).body("state", equalTo("CLOSED"));
            cycles.awaitType(id, "vn.grassroots.evaluation.cycle-closed");
            state.await(id, e -> "CLOSED".equals(e.path("data").path("state").asText()), java.time.Duration.ofSeconds(20));
            // nothing is rated in a closed cycle
            Api.post(Api.ADMIN, Api.rating(id, "organizations", t.cellA().id) + "/self-assessment", Api.selfAssessment(80))
                    .statusCode(409).body("type", containsString("cycle-closed"));
        }
    }

    @Test
    void openingIsRefusedForADuplicateAPolicyNotInForceOrOutsideTheScope() {
        Feed.Tree t = Feed.tree("cycle-refusals");
        String organizer = Api.as("organizer", t.district().id);
        Api.openCycle(organizer, 2024, t.district().id, Api.CURRENT);
        Api.post(organizer, "/cycles", Map.of("year", 2024, "scopeOrganizationId", t.district().id, "policyId", Api.CURRENT))
                .statusCode(409).body("type", containsString("cycle-exists"));
        // the current policy applies from 2018; 2016 is entered under the policy before 2018
        Api.post(organizer, "/cycles", Map.of("year", 2016, "scopeOrganizationId", t.district().id, "policyId", Api.CURRENT))
                .statusCode(422).body("type", containsString("policy-not-in-force"));
        Api.post(organizer, "/cycles", Map.of("year", 2024, "scopeOrganizationId", t.district().id, "policyId", Api.BEFORE_2018))
                .statusCode(422).body("type", containsString("policy-not-in-force"));
        Api.openCycle(organizer, 2016, t.district().id, Api.BEFORE_2018);
        // an organizer of the commune cannot open a cycle for the district; a secretary opens none
        Api.post(Api.as("organizer", t.commune().id), "/cycles", Map.of("year", 2023, "scopeOrganizationId", t.district().id, "policyId", Api.CURRENT))
                .statusCode(403);
        Api.post(Api.as("secretary", t.district().id), "/cycles", Map.of("year", 2023, "scopeOrganizationId", t.district().id, "policyId", Api.CURRENT))
                .statusCode(403);
        Api.post(organizer, "/cycles", Map.of("year", "twenty", "scopeOrganizationId", t.district().id, "policyId", Api.CURRENT))
                .statusCode(400).body("errors[0].field", equalTo("year"));
        Api.post(organizer, "/cycles", Map.of("scopeOrganizationId", t.district().id, "policyId", Api.CURRENT))
                .statusCode(400).body("errors.field", hasItem("year"));
    }

    @Test
    void thePolicyOfACycleChangesOnlyWhileItHasNoRatings() {
        Feed.Tree t = Feed.tree("cycle-policy");
        String organizer = Api.as("organizer", t.district().id);
        String code = "TG-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String custom = Api.post(Api.ADMIN, "/policies", PoliciesTest.custom(code, "EXCELLENT")).statusCode(201).extract().path("id");
        String id = Api.openCycle(organizer, 2025, t.district().id, Api.CURRENT);
        Api.put(organizer, "/cycles/" + id + "/policy", Map.of("policyId", custom), null).statusCode(428);
        Api.put(organizer, "/cycles/" + id + "/policy", Map.of("policyId", custom), "\"7\"").statusCode(412);
        Api.put(organizer, "/cycles/" + id + "/policy", Map.of("policyId", custom), "\"0\"").statusCode(200)
                .body("policyCode", equalTo(code)).body("version", equalTo(1));
        Api.put(organizer, "/cycles/" + id + "/policy", Map.of("policyId", Api.CURRENT), "\"1\"").statusCode(200);

        List<String> members = Feed.members(t.cellA().id, "Lò Thị Hoa", 1);
        Api.post(Api.ADMIN, Api.rating(id, "members", members.get(0)) + "/self-assessment", Api.selfAssessment(85)).statusCode(200);
        Api.put(organizer, "/cycles/" + id + "/policy", Map.of("policyId", custom), "\"2\"").statusCode(409)
                .body("type", containsString("cycle-has-ratings")).body("detail", containsString("1 rating"));
        Api.get(organizer, "/cycles/" + id).statusCode(200).body("policyCode", equalTo("CURRENT-2018")).body("ratings", equalTo(1));
    }
}
