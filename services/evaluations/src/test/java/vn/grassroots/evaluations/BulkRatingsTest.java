package vn.grassroots.evaluations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ratings decided in bulk: a past year's register in a few calls, all or nothing, with every refusal named. */
@QuarkusTest
class BulkRatingsTest {

    static Map<String, Object> item(String type, String id, String proposed, String decided) {
        Map<String, Object> i = new HashMap<>();
        i.put("subjectType", type);
        i.put("subjectId", id);
        i.put("proposedLevel", proposed);
        i.put("decidedLevel", decided);
        return i;
    }

    @Test
    void aPastYearOfACellInOneCallWithoutSelfAssessmentsUnderAPolicyWithoutCriteria() {
        Feed.Tree t = Feed.tree("bulk-2017");
        List<String> ms = Feed.members(t.cellA().id, "Lò Văn Bulk", 99);
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2017, t.district().id, Api.BEFORE_2018);
        String commune = Api.as("secretary", t.commune().id);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            items.add(item("MEMBER", ms.get(i), "GOOD", i < 5 ? "EXCELLENT" : "GOOD"));
        }
        items.add(item("ORGANIZATION", t.cellA().id, "CLEAN_AND_STRONG", "CLEAN_AND_STRONG"));
        // at most 100 items a call (each well within the gateway's timeout)
        List<Map<String, Object>> tooMany = new ArrayList<>(items);
        tooMany.add(item("MEMBER", UUID.randomUUID().toString(), "GOOD", "GOOD"));
        Api.post(commune, "/cycles/" + cycle + "/ratings/bulk", Map.of("items", tooMany)).statusCode(400)
                .body("errors[0].field", containsString("items"));
        long started = System.nanoTime();
        Api.post(commune, "/cycles/" + cycle + "/ratings/bulk", Map.of("items", items)).statusCode(200)
                .body("items", equalTo(100)).body("selfAssessed", equalTo(100)).body("proposed", equalTo(100)).body("decided", equalTo(100));
        System.out.printf("bulk: 100 items (self-assessment, proposal, decision each) in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Api.get(commune, "/cycles/" + cycle + "/ratings?subjectType=MEMBER&state=DECIDED&level=EXCELLENT&limit=200").statusCode(200)
                .body("items.size()", equalTo(5));
        Api.get(commune, "/cycles/" + cycle + "/ratings?state=DECIDED&limit=200").statusCode(200).body("items.size()", equalTo(100));
        Api.get(commune, Api.rating(cycle, "members", ms.get(7))).statusCode(200)
                .body("decision.level", equalTo("GOOD")).body("selfAssessment.text", containsString("không có tiêu chí"));
        Api.get(Api.ADMIN, "/cycles/" + cycle).statusCode(200).body("ratings", equalTo(100));
    }

    @Test
    void anyRefusedItemAndNothingIsRecordedEveryRefusalNamed() {
        Feed.Tree t = Feed.tree("bulk-refused");
        List<String> ms = Feed.members(t.cellA().id, "Lò Văn Từ Chối", 3);
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2017, t.district().id, Api.BEFORE_2018);
        String commune = Api.as("secretary", t.commune().id);
        List<Map<String, Object>> items = List.of(
                item("MEMBER", ms.get(0), "GOOD", "GOOD"),
                item("MEMBER", UUID.randomUUID().toString(), "GOOD", "GOOD"),
                item("MEMBER", ms.get(1), "GOOD", "NO_SUCH_LEVEL"),
                item("MEMBER", ms.get(2), "GOOD", "GOOD"));
        Api.post(commune, "/cycles/" + cycle + "/ratings/bulk", Map.of("items", items)).statusCode(422)
                .body("type", containsString("bulk-refused")).body("detail", containsString("2 of 4 items"))
                .body("errors[0].field", equalTo("items[1]")).body("errors[0].message", containsString("unknown-member"))
                .body("errors[1].field", equalTo("items[2]"));
        Api.get(Api.ADMIN, "/cycles/" + cycle).statusCode(200).body("ratings", equalTo(0));
        // the cell's own secretary proposes but does not decide: refused for every item, nothing kept
        Api.post(Api.as("secretary", t.cellA().id), "/cycles/" + cycle + "/ratings/bulk",
                Map.of("items", List.of(item("MEMBER", ms.get(0), "GOOD", "GOOD")))).statusCode(422)
                .body("errors[0].message", containsString("decider-not-superior"));
        Api.get(Api.ADMIN, "/cycles/" + cycle).statusCode(200).body("ratings", equalTo(0));
        // under a policy with criteria, the self-assessment is not skipped
        String current = Api.openCycle(Api.as("organizer", t.district().id), 2025, t.district().id, Api.CURRENT);
        Api.post(commune, "/cycles/" + current + "/ratings/bulk", Map.of("items", List.of(item("MEMBER", ms.get(0), "GOOD", null))))
                .statusCode(422).body("errors[0].message", containsString("self-assessment-missing"));
        Map<String, Object> withSelf = item("MEMBER", ms.get(0), "GOOD", null);
        withSelf.put("selfAssessment", Api.selfAssessment(80));
        Api.post(commune, "/cycles/" + current + "/ratings/bulk", Map.of("items", List.of(withSelf))).statusCode(200)
                .body("selfAssessed", equalTo(1)).body("proposed", equalTo(1)).body("decided", equalTo(0));
        assertEquals(1, (int) Api.get(Api.ADMIN, "/cycles/" + current).statusCode(200).extract().path("ratings"));
    }
}
