package vn.grassroots.evaluations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.KafkaEvents;

/** Self-assessment → proposal → decision, with the platform's inputs beside it and every refusal the issue names. */
@QuarkusTest
class WorkflowTest {

    @Test
    void aMemberIsRatedThroughTheWholeWorkflowWithThePlatformsInputsBesideIt() {
        Feed.Tree t = Feed.tree("workflow");
        String m = Feed.members(t.cellA().id, "Quàng Văn Minh", 1).get(0);
        String other = Feed.members(t.cellA().id, "Lường Thị Lan", 1).get(0);
        Map<String, String> present = Map.of(m, "PRESENT", other, "PRESENT");
        Feed.held(t.cellA().id, "2025-01-10", present);
        Feed.held(t.cellA().id, "2025-02-10", present);
        Feed.held(t.cellA().id, "2025-03-10", Map.of(m, "ABSENT_UNEXCUSED", other, "ABSENT_EXCUSED"));
        Feed.held(t.cellA().id, "2024-12-10", Map.of(m, "ABSENT_UNEXCUSED")); // another year
        Feed.task(UUID.randomUUID().toString(), m, t.cellA().id, "2025-06-30", "DONE", "2025-06-20", true, 2);
        Feed.task(UUID.randomUUID().toString(), m, t.cellA().id, "2025-09-30", "ASSIGNED", null, null, 0);

        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2025, t.district().id, Api.CURRENT);
        String path = Api.rating(cycle, "members", m);
        String cellSecretary = Api.as("secretary", t.cellA().id);
        String communeSecretary = Api.as("secretary", t.commune().id);
        String member = Api.memberToken(t.cellA().id, m);

        // before any step: only what the platform knows
        Api.get(member, path).statusCode(200)
                .body("state", nullValue())
                .body("inputs.attendance.expected", equalTo(3)).body("inputs.attendance.present", equalTo(2))
                .body("inputs.attendance.rate", equalTo(66.7f)).body("inputs.attendance.absentUnexcused", equalTo(1))
                .body("inputs.tasks.assigned", equalTo(2)).body("inputs.tasks.completedOnTime", equalTo(1))
                .body("inputs.disciplines.size()", equalTo(0));

        // deciding before the self-assessment
        Api.post(communeSecretary, path + "/decision", Map.of("level", "GOOD")).statusCode(409)
                .body("type", containsString("self-assessment-missing"));
        Api.post(cellSecretary, path + "/proposal", Map.of("level", "GOOD")).statusCode(409)
                .body("type", containsString("self-assessment-missing"));

        // the platform's inputs cannot be typed over; scores follow the policy's criteria groups
        Map<String, Object> typed = new LinkedHashMap<>(Api.selfAssessment(85));
        typed.put("attendanceRate", 100);
        Api.post(member, path + "/self-assessment", typed).statusCode(400).body("errors[0].field", equalTo("attendanceRate"));
        Map<String, Object> over = new LinkedHashMap<>(Api.scores(85));
        over.put("DUTIES", 41);
        Api.post(member, path + "/self-assessment", Map.of("scores", over, "text", "x")).statusCode(400)
                .body("errors.field", hasItem("scores.DUTIES"));
        Map<String, Object> missing = new LinkedHashMap<>(Api.scores(85));
        missing.remove("PARTY_ACTIVITIES");
        missing.put("SPORTS", 5);
        Api.post(member, path + "/self-assessment", Map.of("scores", missing, "text", "x")).statusCode(400)
                .body("errors.field", hasItem("scores.PARTY_ACTIVITIES")).body("errors.field", hasItem("scores.SPORTS"));
        Api.post(member, path + "/self-assessment", Map.of("scores", Api.scores(85))).statusCode(400);
        // another member does not self-assess for them
        Api.post(Api.memberToken(t.cellA().id, other), path + "/self-assessment", Api.selfAssessment(85)).statusCode(403);
        Api.get(Api.memberToken(t.cellA().id, other), path).statusCode(403);

        Api.post(member, path + "/self-assessment", Api.selfAssessment(85)).statusCode(200)
                .header("ETag", "\"0\"")
                .body("state", equalTo("SELF_ASSESSED"))
                .body("subjectName", equalTo("Quàng Văn Minh 000"))
                .body("organizationId", equalTo(t.cellA().id))
                .body("selfAssessment.total", equalTo(85))
                .body("selfAssessment.bandLevel", equalTo("GOOD"))
                .body("selfAssessment.by", equalTo("member-" + m))
                .body("inputs.attendance.absentUnexcused", equalTo(1));

        // deciding before the proposal
        Api.post(communeSecretary, path + "/decision", Map.of("level", "GOOD")).statusCode(409)
                .body("type", containsString("proposal-missing"));
        // the cell sends the self-assessment back; the member makes it again
        Api.post(cellSecretary, path + "/send-back", Map.of("reason", "Bổ sung kết quả thực hiện nhiệm vụ")).statusCode(200)
                .body("state", equalTo("SELF_ASSESSMENT_RETURNED")).body("sentBack.note", equalTo("Bổ sung kết quả thực hiện nhiệm vụ"));
        Api.post(cellSecretary, path + "/send-back", Map.of("reason", " ")).statusCode(400);
        Api.post(cellSecretary, path + "/proposal", Map.of("level", "GOOD")).statusCode(409).body("type", containsString("self-assessment-missing"));
        Api.post(member, path + "/self-assessment", Api.selfAssessment(92)).statusCode(200).body("selfAssessment.bandLevel", equalTo("EXCELLENT"));

        Api.post(cellSecretary, path + "/proposal", Map.of("level", "OUTSTANDING")).statusCode(400).body("errors[0].field", equalTo("level"));
        Api.post(cellSecretary, path + "/proposal", Map.of("level", "EXCELLENT", "note", "Chi bộ đề xuất")).statusCode(200)
                .body("state", equalTo("PROPOSED")).body("proposal.level", equalTo("EXCELLENT"))
                .body("proposal.levelName", equalTo("Hoàn thành xuất sắc nhiệm vụ")).body("proposal.by", equalTo("secretary-" + t.cellA().id));
        // the member cannot change the self-assessment after the proposal, nor decide
        Api.post(member, path + "/self-assessment", Api.selfAssessment(99)).statusCode(409);
        Api.post(member, path + "/decision", Map.of("level", "GOOD")).statusCode(403);

        // a secretary deciding their own cell's rating
        Api.post(cellSecretary, path + "/decision", Map.of("level", "GOOD")).statusCode(403)
                .body("type", containsString("decider-not-superior"));
        // another commune's secretary is out of scope
        Api.post(Api.as("secretary", t.school().id), path + "/decision", Map.of("level", "GOOD")).statusCode(403)
                .body("type", containsString("out-of-scope"));

        // the superior sends the proposal back, the cell proposes again, the superior decides
        Api.post(communeSecretary, path + "/send-back", Map.of("reason", "Chưa đủ căn cứ xếp loại xuất sắc")).statusCode(200)
                .body("state", equalTo("PROPOSAL_RETURNED"));
        Api.post(communeSecretary, path + "/decision", Map.of("level", "GOOD")).statusCode(409).body("type", containsString("proposal-missing"));
        Api.post(cellSecretary, path + "/proposal", Map.of("level", "GOOD")).statusCode(200);
        try (KafkaEvents ratings = new KafkaEvents("grassroots.evaluations.ratings.v1")) {
            Api.post(communeSecretary, path + "/decision", Map.of("level", "GOOD", "note", "Quyết định của Đảng ủy xã"), "\"4\"")
                    .statusCode(412);
            Api.post(communeSecretary, path + "/decision", Map.of("level", "GOOD", "note", "Quyết định của Đảng ủy xã"), "\"5\"")
                    .statusCode(200).header("ETag", "\"6\"");
            String ratingId = Api.get(member, path).statusCode(200).body("state", equalTo("DECIDED"))
                    .body("decision.level", equalTo("GOOD")).body("decision.by", equalTo("secretary-" + t.commune().id))
                    .body("decision.at", notNullValue()).extract().path("id");
            var decided = ratings.awaitType(ratingId, "vn.grassroots.evaluation.rating-decided").event().path("data").path("rating");
            assertEquals("GOOD", decided.path("level").asText());
            assertEquals(m, decided.path("subjectId").asText());
            assertEquals(t.cellA().id, decided.path("organizationId").asText());
            assertEquals(92, decided.path("selfScore").asInt());
        }
        // final: no step after the decision
        Api.post(communeSecretary, path + "/decision", Map.of("level", "EXCELLENT")).statusCode(409).body("type", containsString("already-decided"));
        Api.post(communeSecretary, path + "/send-back", Map.of("reason", "x")).statusCode(409).body("type", containsString("already-decided"));
        Api.get(Api.as("auditor", t.district().id), "/audit?entityId=" + Api.get(member, path).extract().path("id"))
                .statusCode(200).body("items.action", hasItem("rating.decided"));
    }

    @Test
    void aMemberDisciplinedInTheYearCannotBeRatedAboveCompleted() {
        Feed.Tree t = Feed.tree("cap");
        List<String> ms = Feed.members(t.cellB().id, "Lò Văn Sơn", 2);
        String disciplinedNow = ms.get(0);
        String disciplinedBefore = ms.get(1);
        Feed.disciplined(disciplinedNow, "Lò Văn Sơn 000", t.cellB().id, "WARNING", "2025-05-02");
        Feed.disciplined(disciplinedBefore, "Lò Văn Sơn 001", t.cellB().id, "REPRIMAND", "2024-11-20");
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2025, t.district().id, Api.CURRENT);
        String superior = Api.as("secretary", t.commune().id);
        String path = Api.rating(cycle, "members", disciplinedNow);

        Api.post(Api.ADMIN, path + "/self-assessment", Api.selfAssessment(88)).statusCode(200)
                .body("inputs.disciplines[0].form", equalTo("WARNING"))
                .body("inputs.disciplines[0].decidedOn", equalTo("2025-05-02"))
                .body("inputs.disciplines[0].decisionNumber", equalTo("12-QĐ/ĐU"));
        Api.post(Api.as("secretary", t.cellB().id), path + "/proposal", Map.of("level", "GOOD")).statusCode(200);
        Api.post(superior, path + "/decision", Map.of("level", "GOOD")).statusCode(422)
                .body("type", containsString("cap-exceeded"))
                .body("detail", containsString("DISCIPLINED_IN_YEAR"))
                .body("detail", containsString("132-QĐ/TW"))
                .body("detail", containsString("WARNING on 2025-05-02"))
                .body("detail", containsString("GOOD exceeds it by 1 level"));
        Api.post(superior, path + "/decision", Map.of("level", "EXCELLENT")).statusCode(422)
                .body("detail", containsString("by 2 levels"));
        Api.get(superior, path).statusCode(200).body("state", equalTo("PROPOSED"));
        Api.post(superior, path + "/decision", Map.of("level", "COMPLETED")).statusCode(200).body("state", equalTo("DECIDED"));

        // a discipline of the year before does not cap this year
        String before = Api.rating(cycle, "members", disciplinedBefore);
        Api.post(Api.ADMIN, before + "/self-assessment", Api.selfAssessment(80)).statusCode(200).body("inputs.disciplines.size()", equalTo(0));
        Api.post(Api.as("secretary", t.cellB().id), before + "/proposal", Map.of("level", "GOOD")).statusCode(200);
        Api.post(superior, before + "/decision", Map.of("level", "GOOD")).statusCode(200);
    }

    @Test
    void organizationsOfEarlierYearsAreRatedUnderThePolicyBefore2018() {
        Feed.Tree t = Feed.tree("before-2018");
        String organizer = Api.as("organizer", t.district().id);
        String cycle = Api.openCycle(organizer, 2016, t.district().id, Api.BEFORE_2018);
        String path = Api.rating(cycle, "organizations", t.cellB().id);
        // no point scale in that policy
        Api.post(Api.as("secretary", t.cellB().id), path + "/self-assessment", Api.selfAssessment(80)).statusCode(400)
                .body("detail", containsString("no point scale"));
        Api.post(Api.as("secretary", t.cellB().id), path + "/self-assessment",
                Map.of("scores", Map.of(), "text", "Chi bộ lãnh đạo hoàn thành tốt nhiệm vụ chính trị")).statusCode(200)
                .body("selfAssessment.total", nullValue()).body("organizationType", equalTo("SUBORDINATE_CELL"));
        Api.post(Api.as("secretary", t.cellB().id), path + "/proposal", Map.of("level", "GOOD")).statusCode(400);
        Api.post(Api.as("secretary", t.cellB().id), path + "/proposal", Map.of("level", "CLEAN_AND_STRONG")).statusCode(200);
        Api.post(Api.as("secretary", t.cellB().id), path + "/decision", Map.of("level", "CLEAN_AND_STRONG")).statusCode(403)
                .body("type", containsString("decider-not-superior"));
        Api.post(Api.as("secretary", t.commune().id), path + "/decision", Map.of("level", "CLEAN_AND_STRONG")).statusCode(200)
                .body("decision.levelName", equalTo("Trong sạch, vững mạnh"));

        // the grassroots committee is decided by the district, not by itself
        String commune = Api.rating(cycle, "organizations", t.commune().id);
        Api.post(Api.as("secretary", t.commune().id), commune + "/self-assessment", Map.of("scores", Map.of(), "text", "Đảng bộ tự đánh giá")).statusCode(200);
        Api.post(Api.as("secretary", t.commune().id), commune + "/proposal", Map.of("level", "COMPLETED_WELL")).statusCode(200);
        Api.post(Api.as("secretary", t.commune().id), commune + "/decision", Map.of("level", "COMPLETED_WELL")).statusCode(403);
        Api.post(organizer, commune + "/decision", Map.of("level", "COMPLETED_WELL")).statusCode(200);

        // a second cycle of the same year cannot rate it again
        String other = Api.openCycle(Api.as("organizer", t.commune().id), 2016, t.commune().id, Api.BEFORE_2018);
        Api.post(Api.as("secretary", t.cellB().id), Api.rating(other, "organizations", t.cellB().id) + "/self-assessment",
                Map.of("scores", Map.of(), "text", "x")).statusCode(409).body("type", containsString("already-rated-in-year"));
        // unknown subjects
        // a member or organization the evaluations service has not heard of (yet): 422 with Retry-After, not "does not exist"
        Api.get(Api.ADMIN, Api.rating(cycle, "members", UUID.randomUUID().toString())).statusCode(422)
                .body("type", containsString("unknown-member")).body("detail", containsString("retry")).header("Retry-After", "5");
        Api.post(Api.ADMIN, Api.rating(cycle, "organizations", UUID.randomUUID().toString()) + "/self-assessment",
                Map.of("scores", Map.of(), "text", "x")).statusCode(422).body("type", containsString("unknown-organization"));
        Api.get(Api.ADMIN, "/cycles/" + cycle + "/households/" + UUID.randomUUID() + "/rating").statusCode(404);
        Api.get(organizer, "/cycles/" + cycle + "/ratings?subjectType=ORGANIZATION&state=DECIDED").statusCode(200)
                .body("items.size()", equalTo(2));
        Api.get(organizer, "/cycles/" + cycle + "/ratings?state=FINISHED").statusCode(400).body("errors[0].field", equalTo("state"));
    }
}
