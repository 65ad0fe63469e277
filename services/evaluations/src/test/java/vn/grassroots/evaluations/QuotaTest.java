package vn.grassroots.evaluations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quota of the current policy: excellent members at most 20% of good ones within the same organization. */
@QuarkusTest
class QuotaTest {

    @Test
    void the21stExcellentWhere100AreGoodIsRefusedNamingTheRuleAndTheExcess() {
        Feed.Tree t = Feed.tree("quota");
        List<String> ms = Feed.members(t.cellA().id, "Nguyễn Văn An", 121);
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2025, t.district().id, Api.CURRENT);
        String cell = Api.as("secretary", t.cellA().id);
        String commune = Api.as("secretary", t.commune().id);
        // an excellent before any good one exceeds the quota by one
        String first = ms.get(0);
        Api.post(Api.ADMIN, Api.rating(cycle, "members", first) + "/self-assessment", Api.selfAssessment(95)).statusCode(200);
        Api.post(cell, Api.rating(cycle, "members", first) + "/proposal", Map.of("level", "EXCELLENT")).statusCode(200);
        Api.post(commune, Api.rating(cycle, "members", first) + "/decision", Map.of("level", "EXCELLENT")).statusCode(422)
                .body("type", containsString("quota-exceeded"))
                .body("detail", containsString("(at most 0) by 1"));

        for (int i = 1; i <= 100; i++) {
            Api.rate(cycle, "members", ms.get(i), cell, commune, "GOOD");
        }
        Api.post(commune, Api.rating(cycle, "members", first) + "/decision", Map.of("level", "EXCELLENT")).statusCode(200);
        for (int i = 101; i <= 119; i++) {
            Api.rate(cycle, "members", ms.get(i), cell, commune, "EXCELLENT");
        }
        String last = ms.get(120);
        Api.post(Api.ADMIN, Api.rating(cycle, "members", last) + "/self-assessment", Api.selfAssessment(96)).statusCode(200);
        Api.post(cell, Api.rating(cycle, "members", last) + "/proposal", Map.of("level", "EXCELLENT")).statusCode(200);
        Api.post(commune, Api.rating(cycle, "members", last) + "/decision", Map.of("level", "EXCELLENT")).statusCode(422)
                .body("type", containsString("quota-exceeded"))
                .body("detail", containsString("rule EXCELLENT_AT_MOST_20_PERCENT_OF_GOOD (Quy định số 132-QĐ/TW"))
                .body("detail", containsString("21 rated EXCELLENT in " + t.cellA().name + " would exceed 20% of the 100 rated GOOD (at most 20) by 1"))
                .body("errors[0].field", equalTo("level"));
        // nothing changed: still proposed, and 20 excellent
        Api.get(commune, Api.rating(cycle, "members", last)).statusCode(200).body("state", equalTo("PROPOSED"));
        Api.get(commune, "/cycles/" + cycle + "/ratings?level=EXCELLENT&limit=200").statusCode(200).body("items.size()", equalTo(20));
        // good is not limited
        Api.post(commune, Api.rating(cycle, "members", last) + "/decision", Map.of("level", "GOOD")).statusCode(200);
    }
}
