package vn.grassroots.evaluations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model cells and committees (4 tốt) within a cycle; thematic inspections and their coverage. */
@QuarkusTest
class RecognitionAndInspectionsTest {

    @Test
    void modelCellsAndCommitteesAreRecognizedOnceDecidedAtTheTop() {
        Feed.Tree t = Feed.tree("recognition");
        String organizer = Api.as("organizer", t.district().id);
        String commune = Api.as("secretary", t.commune().id);
        String cycle = Api.openCycle(organizer, 2025, t.district().id, Api.CURRENT);
        Api.rate(cycle, "organizations", t.cellA().id, commune, commune, "EXCELLENT");
        Api.rate(cycle, "organizations", t.cellB().id, commune, commune, "GOOD");
        Api.rate(cycle, "organizations", t.commune().id, commune, organizer, "EXCELLENT");

        Api.post(commune, "/cycles/" + cycle + "/recognitions", Map.of("organizationId", t.cellA().id, "note", "Chi bộ 4 tốt năm 2025"))
                .statusCode(201).body("title", equalTo("MODEL_CELL")).body("titleName", equalTo("Chi bộ 4 tốt"))
                .body("organizationName", equalTo(t.cellA().name));
        Api.post(commune, "/cycles/" + cycle + "/recognitions", Map.of("organizationId", t.cellA().id)).statusCode(409)
                .body("type", containsString("already-recognized"));
        Api.post(commune, "/cycles/" + cycle + "/recognitions", Map.of("organizationId", t.cellB().id)).statusCode(422)
                .body("type", containsString("not-rated-top-level")).body("detail", containsString("decided GOOD"));
        // a committee does not recognize itself; the district does
        Api.post(commune, "/cycles/" + cycle + "/recognitions", Map.of("organizationId", t.commune().id)).statusCode(403)
                .body("type", containsString("decider-not-superior"));
        Api.post(organizer, "/cycles/" + cycle + "/recognitions", Map.of("organizationId", t.commune().id)).statusCode(201)
                .body("title", equalTo("MODEL_GRASSROOTS_COMMITTEE")).body("titleName", equalTo("Đảng bộ cơ sở 4 tốt"));
        Api.post(Api.ADMIN, "/cycles/" + cycle + "/recognitions", Map.of("organizationId", t.district().id)).statusCode(422)
                .body("type", containsString("not-recognizable"));
        Api.get(organizer, "/cycles/" + cycle + "/recognitions").statusCode(200).body("items.size()", equalTo(2));
        Api.get(Api.as("secretary", t.cellB().id), "/cycles/" + cycle + "/recognitions").statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void inspectionsArePlannedRecordedAndCovered() {
        Feed.Tree t = Feed.tree("inspections");
        String organizer = Api.as("organizer", t.district().id);
        String commune = Api.as("secretary", t.commune().id);
        String cycle = Api.openCycle(organizer, 2025, t.district().id, Api.CURRENT);
        String topic = "Kiểm tra chuyên đề chất lượng sinh hoạt chi bộ";
        String a = Api.post(commune, "/cycles/" + cycle + "/inspections", Map.of("organizationId", t.cellA().id, "topic", topic, "plannedOn", "2025-10-01"))
                .statusCode(201).body("state", equalTo("PLANNED")).extract().path("id");
        String b = Api.post(commune, "/cycles/" + cycle + "/inspections", Map.of("organizationId", t.cellB().id, "topic", topic, "plannedOn", "2025-10-15"))
                .statusCode(201).extract().path("id");
        // refusals: a committee is not a cell; a cell does not inspect itself; dates in the future
        Api.post(organizer, "/cycles/" + cycle + "/inspections", Map.of("organizationId", t.commune().id, "topic", topic, "plannedOn", "2025-10-01"))
                .statusCode(422).body("type", containsString("not-a-cell"));
        Api.post(Api.as("secretary", t.cellA().id), "/cycles/" + cycle + "/inspections",
                Map.of("organizationId", t.cellA().id, "topic", topic, "plannedOn", "2025-10-01")).statusCode(403);
        Api.post(commune, "/inspections/" + a + "/result", Map.of("inspectedOn", LocalDate.now().plusDays(3).toString(), "result", "GOOD"))
                .statusCode(422).body("type", containsString("inspected-in-future"));
        Api.post(commune, "/inspections/" + a + "/result", Map.of("inspectedOn", "2025-10-02", "result", "EXCELLENT")).statusCode(400);

        Api.post(commune, "/inspections/" + a + "/result", Map.of("inspectedOn", "2025-10-02", "result", "GOOD", "findings", "Sinh hoạt đều đặn"))
                .statusCode(200).body("state", equalTo("DONE")).body("result", equalTo("GOOD"));
        Api.post(commune, "/inspections/" + a + "/result", Map.of("inspectedOn", "2025-10-02", "result", "GOOD")).statusCode(409);

        // cell B is decided before its inspection is recorded: inspected, but not before the decision
        Api.rate(cycle, "organizations", t.cellB().id, commune, commune, "GOOD");
        Api.post(commune, "/inspections/" + b + "/result", Map.of("inspectedOn", "2025-10-16", "result", "SHORTCOMINGS")).statusCode(200);

        // cells of the district: A, B and the school cell
        Api.get(organizer, "/cycles/" + cycle + "/inspections/coverage").statusCode(200)
                .body("cells", equalTo(3)).body("planned", equalTo(2)).body("inspected", equalTo(2))
                .body("inspectedBeforeDecision", equalTo(1)).body("percent", equalTo(33.33f));
        Api.get(organizer, "/cycles/" + cycle + "/inspections/coverage?organizationId=" + t.commune().id).statusCode(200)
                .body("cells", equalTo(2)).body("percent", equalTo(50.0f));
        Api.get(organizer, "/cycles/" + cycle + "/inspections?state=DONE").statusCode(200).body("items.size()", equalTo(2));
        Api.get(organizer, "/cycles/" + cycle + "/inspections?state=LATE").statusCode(400);
    }
}
