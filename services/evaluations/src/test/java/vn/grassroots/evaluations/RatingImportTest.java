package vn.grassroots.evaluations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Past ratings imported from CSV: each row a bulk item (proposal and decision), the same rules, every bad row reported. */
@QuarkusTest
class RatingImportTest {
    static final String HEADER = "Đối tượng,Mã đối tượng,Họ và tên,Xếp loại,Ghi chú\n";

    static ValidatableResponse upload(String auth, String cycle, String csv, String mode) {
        return given().header("Authorization", auth).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post(Api.BASE + "/cycles/" + cycle + "/ratings/import" + (mode == null ? "" : "?mode=" + mode)).then();
    }

    static String member(String id, String level) {
        return "Đảng viên," + id + ",Lò Văn A," + level + ",\n";
    }

    @Test
    void theRegisterOf2017IsDecidedAndShowsInTheReport() {
        Feed.Tree t = Feed.tree("import-2017");
        List<String> ms = Feed.members(t.cellA().id, "Lò Văn Nhập", 4);
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2017, t.district().id, Api.BEFORE_2018);
        String csv = HEADER + member(ms.get(0), "EXCELLENT") + member(ms.get(1), "\"Đủ tư cách, hoàn thành tốt nhiệm vụ\"")
                + member(ms.get(2), "good") + "MEMBER," + ms.get(3) + ",,COMPLETED,\"Còn hạn chế,\ncần khắc phục\"\n"
                + "Tổ chức," + t.cellA().id + ",Chi bộ A,\"Trong sạch, vững mạnh\",\n";
        upload(Api.as("secretary", t.commune().id), cycle, csv, null).statusCode(200)
                .body("total", equalTo(5)).body("imported", equalTo(5)).body("rejected", equalTo(0));
        String organizer = Api.as("organizer", t.district().id);
        Api.get(organizer, Api.rating(cycle, "members", ms.get(1))).statusCode(200).body("state", equalTo("DECIDED"))
                .body("decision.level", equalTo("GOOD"));
        Api.get(organizer, Api.rating(cycle, "members", ms.get(3))).statusCode(200).body("decision.level", equalTo("COMPLETED"))
                .body("decision.note", equalTo("Còn hạn chế,\ncần khắc phục"));
        Api.get(organizer, Api.rating(cycle, "organizations", t.cellA().id)).statusCode(200).body("decision.level", equalTo("CLEAN_AND_STRONG"));
        Api.get(organizer, "/reports/ratings?year=2017&organizationId=" + t.district().id + "&subjectType=MEMBER&level=EXCELLENT")
                .statusCode(200).body("items.size()", equalTo(1)).body("items[0].subjectId", equalTo(ms.get(0)));
        Api.get(organizer, "/reports/ratings?year=2017&organizationId=" + t.district().id + "&subjectType=MEMBER")
                .statusCode(200).body("items.size()", equalTo(4));
        Api.get(Api.ADMIN, "/cycles/" + cycle).statusCode(200).body("ratings", equalTo(5));
    }

    @Test
    void badRowsAreReportedAndNothingIsRecordedOrOnlyTheGoodRowsInValidRowsMode() {
        Feed.Tree t = Feed.tree("import-bad");
        Feed.Tree elsewhere = Feed.tree("import-elsewhere");
        List<String> ms = Feed.members(t.cellA().id, "Lò Văn Sai", 2);
        String outside = Feed.members(elsewhere.cellA().id, "Lò Văn Ngoài", 1).get(0);
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2017, t.district().id, Api.BEFORE_2018);
        String commune = Api.as("secretary", t.commune().id);
        String csv = HEADER + member(ms.get(0), "GOOD")              // line 2: good
                + member(ms.get(1), "VERY_GOOD")                      // line 3: not a level of the policy
                + "Quần chúng," + ms.get(1) + ",,GOOD,\n"              // line 4: not a subject type
                + member(UUID.randomUUID().toString(), "GOOD")        // line 5: unknown here
                + member(outside, "GOOD")                             // line 6: outside the caller's scope
                + "Tổ chức," + t.cellA().id + ",,CLEAN_AND_STRONG,\n"; // line 7: good
        upload(commune, cycle, csv, null).statusCode(422).contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://grassroots.vn/problems/import-refused"))
                .body("total", equalTo(6)).body("imported", equalTo(0)).body("rejected", equalTo(4))
                .body("errors.line", equalTo(List.of(3, 4, 5, 6)))
                .body("errors[0].field", equalTo("level")).body("errors[0].message", containsString("Đủ tư cách, hoàn thành tốt nhiệm vụ"))
                .body("errors[1].field", equalTo("subjectType"))
                .body("errors[2].message", containsString("unknown-member"))
                .body("errors[3].message", containsString("out-of-scope"));
        Api.get(Api.ADMIN, "/cycles/" + cycle).statusCode(200).body("ratings", equalTo(0));

        upload(commune, cycle, csv, "valid-rows").statusCode(200)
                .body("imported", equalTo(2)).body("rejected", equalTo(4)).body("errors.line", equalTo(List.of(3, 4, 5, 6)));
        Api.get(Api.ADMIN, "/cycles/" + cycle).statusCode(200).body("ratings", equalTo(2));
        Api.get(commune, Api.rating(cycle, "members", ms.get(0))).statusCode(200).body("decision.level", equalTo("GOOD"));
        // the cell itself does not decide its ratings
        upload(Api.as("secretary", t.cellA().id), cycle, HEADER + member(ms.get(1), "GOOD"), null).statusCode(422)
                .body("errors[0].message", containsString("decider-not-superior"));
    }

    @Test
    void aBatchBreakingAQuotaIsRefusedAndValidRowsLeavesOutTheRowsAboveIt() {
        Feed.Tree t = Feed.tree("import-quota");
        List<String> ms = Feed.members(t.cellA().id, "Lò Văn Hạn", 7);
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2025, t.district().id, Api.CURRENT);
        for (String m : ms) {
            Api.post(Api.ADMIN, Api.rating(cycle, "members", m) + "/self-assessment", Api.selfAssessment(92)).statusCode(200);
        }
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 5; i++) {
            csv.append(member(ms.get(i), "Hoàn thành tốt nhiệm vụ"));
        }
        csv.append(member(ms.get(5), "EXCELLENT")).append(member(ms.get(6), "EXCELLENT")); // lines 7, 8: 20 % of 5 is 1
        String commune = Api.as("secretary", t.commune().id);
        upload(commune, cycle, csv.toString(), null).statusCode(422)
                .body("rejected", equalTo(1)).body("errors.line", equalTo(List.of(8)))
                .body("errors[0].field", equalTo("level")).body("errors[0].message", containsString("quota-exceeded"))
                .body("errors[0].message", containsString("EXCELLENT_AT_MOST_20_PERCENT_OF_GOOD"));
        Api.get(commune, "/cycles/" + cycle + "/ratings?state=DECIDED").statusCode(200).body("items.size()", equalTo(0));

        upload(commune, cycle, csv.toString(), "valid-rows").statusCode(200)
                .body("imported", equalTo(6)).body("rejected", equalTo(1)).body("errors[0].line", equalTo(8));
        Api.get(commune, "/cycles/" + cycle + "/ratings?state=DECIDED&level=EXCELLENT").statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].subjectId", equalTo(ms.get(5)));
        Api.get(commune, Api.rating(cycle, "members", ms.get(6))).statusCode(200).body("state", equalTo("SELF_ASSESSED"));
    }

    @Test
    void aBadHeaderOrAnUnknownCycleIsRefusedAtOnce() {
        Feed.Tree t = Feed.tree("import-header");
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2017, t.district().id, Api.BEFORE_2018);
        String commune = Api.as("secretary", t.commune().id);
        upload(commune, cycle, "Đối tượng,Mã đối tượng,Điểm\nĐảng viên," + UUID.randomUUID() + ",90\n", null).statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://grassroots.vn/problems/bad-csv-header"))
                .body("errors.field", hasItem("Điểm")).body("errors.field", hasItem("level"));
        upload(commune, UUID.randomUUID().toString(), HEADER, null).statusCode(404);
        upload(commune, cycle, HEADER, "all").statusCode(400).body("errors[0].field", equalTo("mode"));
        Api.get(Api.ADMIN, "/cycles/" + cycle).statusCode(200).body("ratings", equalTo(0));
    }

    @Test
    void inTheBackgroundWithItsProgress() throws InterruptedException {
        Feed.Tree t = Feed.tree("import-async");
        List<String> ms = Feed.members(t.cellA().id, "Lò Văn Nền", 2);
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2017, t.district().id, Api.BEFORE_2018);
        String commune = Api.as("secretary", t.commune().id);
        String id = given().header("Authorization", commune).header("Prefer", "respond-async").contentType("text/csv; charset=UTF-8")
                .body(HEADER + member(ms.get(0), "GOOD") + member(ms.get(1), "COMPLETED"))
                .when().post(Api.BASE + "/cycles/" + cycle + "/ratings/import")
                .then().statusCode(202).header("Location", containsString("/api/v1/evaluations/imports/")).extract().path("id");
        String status = null;
        for (int i = 0; i < 240 && !"SUCCEEDED".equals(status); i++) {
            Thread.sleep(250);
            status = Api.get(commune, "/imports/" + id).statusCode(200).extract().path("status");
        }
        Api.get(commune, "/imports/" + id).statusCode(200).body("status", equalTo("SUCCEEDED")).body("percent", equalTo(100))
                .body("report.imported", equalTo(2));
        Api.get(Api.ADMIN, "/cycles/" + cycle).statusCode(200).body("ratings", equalTo(2));
    }
}
