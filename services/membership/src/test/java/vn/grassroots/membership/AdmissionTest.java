package vn.grassroots.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.CANDIDATES;
import static vn.grassroots.membership.Api.MEMBERS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.membership.events.MemberEvents;
import vn.grassroots.testing.KafkaEvents;

/** The admission pipeline, probation and official recognition, status changes and their events. */
@QuarkusTest
class AdmissionTest {
    static final LocalDate TODAY = MembersTest.TODAY;

    static Map<String, Object> candidate(String orgId, String name) {
        Map<String, Object> b = new HashMap<>();
        b.put("fullName", name);
        b.put("birthDate", "2001-09-02");
        b.put("gender", "FEMALE");
        b.put("ethnicity", "Mông");
        b.put("citizenId", "011201009876");
        b.put("theoryLevel", "NONE");
        b.put("occupation", "Giáo viên");
        b.put("organizationId", orgId);
        return b;
    }

    static Map<String, Object> step(String step, LocalDate date, String number) {
        Map<String, Object> b = new HashMap<>();
        b.put("step", step);
        b.put("date", date.toString());
        if (number != null) {
            b.put("decisionNumber", number);
        }
        return b;
    }

    @Test
    void stepsOnlyInOrderEndingInAProbationaryMember() {
        OrgFeed.Tree t = OrgFeed.tree("admission");
        String secretary = Api.as("secretary", t.cellA().id);
        String organizer = Api.as("organizer", t.district().id);
        String id = Api.post(secretary, CANDIDATES, candidate(t.cellA().id, "Giàng Thị Dua")).statusCode(201)
                .body("stage", equalTo("CANDIDATE")).body("nextStep", equalTo("AWARENESS_COURSE_COMPLETED")).extract().path("id");
        String steps = CANDIDATES + "/" + id + "/steps";
        LocalDate d0 = TODAY.minusDays(60);

        Api.post(secretary, steps, step("APPLIED", d0, null)).statusCode(409)
                .body("type", equalTo("https://grassroots.vn/problems/step-out-of-order"));
        Api.post(secretary, steps, step("AWARENESS_COURSE_COMPLETED", d0, "GCN-15")).statusCode(200)
                .body("stage", equalTo("AWARENESS_COURSE_COMPLETED"));
        Api.post(secretary, steps, step("AWARENESS_COURSE_COMPLETED", d0, "GCN-15")).statusCode(409);
        Api.post(secretary, steps, step("CELL_VOTED", d0.plusDays(20), "3-NQ/CB")).statusCode(409);
        Api.post(secretary, steps, step("APPLIED", d0.minusDays(1), null)).statusCode(422).body("errors[0].field", equalTo("date"));
        Api.post(secretary, steps, step("APPLIED", d0.plusDays(10), null)).statusCode(200);
        Api.post(secretary, steps, step("CELL_VOTED", d0.plusDays(20), null)).statusCode(400).body("errors[0].field", equalTo("decisionNumber"));
        Api.post(secretary, steps, step("CELL_VOTED", d0.plusDays(20), "3-NQ/CB")).statusCode(200);
        // the superior committee's decision is not the secretary's to record
        Api.post(secretary, steps, step("SUPERIOR_APPROVED", d0.plusDays(30), "45-QĐ/HU")).statusCode(403);
        Api.post(Api.as("organizer", OrgFeed.tree("other").district().id), steps, step("SUPERIOR_APPROVED", d0.plusDays(30), "45-QĐ/HU"))
                .statusCode(403);
        Api.post(organizer, steps, step("ADMITTED", d0.plusDays(40), "45-QĐ/HU")).statusCode(409);
        Api.post(organizer, steps, step("SUPERIOR_APPROVED", d0.plusDays(30), "45-QĐ/HU")).statusCode(200);
        Api.post(organizer, steps, step("NOPE", d0.plusDays(30), "45-QĐ/HU")).statusCode(400).body("errors[0].field", equalTo("step"));
        Api.post(organizer, steps, step("ADMITTED", TODAY.plusDays(1), "45-QĐ/HU")).statusCode(400).body("errors[0].field", equalTo("date"));

        try (KafkaEvents events = new KafkaEvents(MemberEvents.TOPIC)) {
            LocalDate admitted = d0.plusDays(40);
            var done = Api.post(organizer, steps, step("ADMITTED", admitted, "45-QĐ/HU")).statusCode(200)
                    .body("stage", equalTo("ADMITTED")).body("nextStep", nullValue()).body("memberId", notNullValue())
                    .body("steps.step", contains("AWARENESS_COURSE_COMPLETED", "APPLIED", "CELL_VOTED", "SUPERIOR_APPROVED", "ADMITTED"))
                    .body("steps[4].recordedBy", equalTo("organizer-" + t.district().id))
                    .body("steps[0].recordedBy", equalTo("secretary-" + t.cellA().id))
                    .body("steps[2].decisionNumber", equalTo("3-NQ/CB")).extract();
            String memberId = done.path("memberId");
            Api.post(organizer, steps, step("ADMITTED", admitted, "45-QĐ/HU")).statusCode(409);
            Api.get(ADMIN, MEMBERS + "/" + memberId).statusCode(200).body("status", equalTo("PROBATIONARY"))
                    .body("fullName", equalTo("Giàng Thị Dua")).body("admissionDate", equalTo(admitted.toString()))
                    .body("probationEndsOn", equalTo(admitted.plusMonths(12).toString())).body("candidateId", equalTo(id));
            var event = events.awaitType(memberId, MemberEvents.ADMITTED).event();
            assertEquals("/grassroots/membership", event.path("source").asText());
            assertEquals(id, event.path("data").path("candidateId").asText());
            assertEquals("45-QĐ/HU", event.path("data").path("decision").path("number").asText());
            assertFalse(event.path("data").path("member").has("citizenId"));
            Api.get(ADMIN, MEMBERS + "/" + memberId + "/status-history").statusCode(200)
                    .body("toStatus", contains("PROBATIONARY")).body("[0].decision.number", equalTo("45-QĐ/HU"));

            // official recognition before 12 months of probation: refused
            Api.post(organizer, MEMBERS + "/" + memberId + "/status-changes",
                    Map.of("status", "OFFICIAL", "reason", "hết thời gian dự bị", "decision", Map.of("number", "60-QĐ/HU", "date", TODAY.toString())))
                    .statusCode(409).body("type", equalTo("https://grassroots.vn/problems/probation-not-over"));
        }
        Api.get(secretary, CANDIDATES + "?stage=ADMITTED").statusCode(200).body("items.id", hasItem(id));
        Api.get(secretary, CANDIDATES + "?q=giang thi d").statusCode(200).body("items.id", hasItem(id));
        Api.get(secretary, CANDIDATES + "?q=iang thi").statusCode(200).body("items.id", not(hasItem(id)));
        Api.get(Api.as("secretary", t.cellB().id), CANDIDATES + "/" + id).statusCode(403);
    }

    @Test
    void probationEndsInRecognitionOrRemovalWithHistoryAndEvents() {
        OrgFeed.Tree t = OrgFeed.tree("probation");
        String organizer = Api.as("organizer", t.district().id);
        LocalDate longAgo = TODAY.minusMonths(13);
        String due = Api.create(ADMIN, Api.member(t.cellA().id, "Lò Văn Dự", longAgo, "PROBATIONARY"));
        String soon = Api.create(ADMIN, Api.member(t.cellA().id, "Lò Văn Sắp", TODAY.minusMonths(12).plusDays(10), "PROBATIONARY"));
        String later = Api.create(ADMIN, Api.member(t.cellA().id, "Lò Văn Muộn", TODAY.minusMonths(3), "PROBATIONARY"));

        String scope = Api.as("secretary", t.cellA().id);
        Api.get(scope, MEMBERS + "/probation-ending?days=30").statusCode(200).body("items.id", contains(due, soon));
        Api.get(scope, MEMBERS + "/probation-ending?days=5").statusCode(200).body("items.id", contains(due));
        Api.get(scope, MEMBERS + "/probation-ending?days=-1").statusCode(400).body("errors[0].field", equalTo("days"));

        try (KafkaEvents events = new KafkaEvents(MemberEvents.TOPIC); KafkaEvents state = new KafkaEvents(MemberEvents.STATE_TOPIC)) {
            var recognition = Map.of("status", "OFFICIAL", "reason", "hoàn thành thời gian dự bị",
                    "decision", Map.of("number", "61-QĐ/HU", "date", TODAY.toString()));
            // the secretary does not decide status changes
            Api.post(scope, MEMBERS + "/" + due + "/status-changes", recognition).statusCode(403);
            given().header("Authorization", organizer).header("If-Match", "\"9\"").contentType(ContentType.JSON).body(recognition)
                    .post(MEMBERS + "/" + due + "/status-changes").then().statusCode(412);
            Api.post(organizer, MEMBERS + "/" + due + "/status-changes", recognition).statusCode(200)
                    .body("status", equalTo("OFFICIAL")).body("officialDate", equalTo(longAgo.plusMonths(12).toString()))
                    .body("probationEndsOn", nullValue());
            var officialized = events.awaitType(due, MemberEvents.OFFICIALIZED).event();
            assertEquals("PROBATIONARY", officialized.path("data").path("fromStatus").asText());
            assertEquals("61-QĐ/HU", officialized.path("data").path("decision").path("number").asText());
            state.await(due, e -> "OFFICIAL".equals(e.path("data").path("status").asText()), java.time.Duration.ofSeconds(20));

            // removal of a probationary member (xóa tên), with its decision
            Api.post(organizer, MEMBERS + "/" + later + "/status-changes", Map.of("status", "REMOVED", "reason", "vi phạm tư cách đảng viên",
                    "decision", Map.of("number", "62-QĐ/HU", "date", TODAY.toString()))).statusCode(200).body("status", equalTo("REMOVED"));
            events.awaitType(later, MemberEvents.STATUS_CHANGED);
            // a final status changes no more
            Api.post(organizer, MEMBERS + "/" + later + "/status-changes", Map.of("status", "OFFICIAL", "reason", "x",
                    "decision", Map.of("number", "63-QĐ/HU", "date", TODAY.toString()))).statusCode(409)
                    .body("type", equalTo("https://grassroots.vn/problems/invalid-status-change"));
            Api.post(organizer, MEMBERS + "/" + soon + "/status-changes", Map.of("status", "EXEMPT", "reason", "x",
                    "decision", Map.of("number", "64-QĐ/HU", "date", TODAY.toString()))).statusCode(409);
            Api.post(organizer, MEMBERS + "/" + soon + "/status-changes", Map.of("status", "DECEASED", "reason", "")).statusCode(400)
                    .body("errors.field", contains("decision", "reason"));

            // official → exempt (miễn sinh hoạt) → deceased: the whole history is kept
            Api.post(organizer, MEMBERS + "/" + due + "/status-changes", Map.of("status", "EXEMPT", "reason", "tuổi cao, sức yếu",
                    "decision", Map.of("number", "70-QĐ/ĐU", "date", TODAY.toString()))).statusCode(200);
            Api.post(organizer, MEMBERS + "/" + due + "/status-changes", Map.of("status", "DECEASED", "reason", "từ trần",
                    "decision", Map.of("number", "71-TB/ĐU", "date", TODAY.toString()))).statusCode(200);
            Api.get(Api.as("auditor", t.province().id), MEMBERS + "/" + due + "/status-history").statusCode(200)
                    .body("toStatus", contains("OFFICIAL", "EXEMPT", "DECEASED"))
                    .body("fromStatus", contains("PROBATIONARY", "OFFICIAL", "EXEMPT"))
                    .body("recordedBy", hasItem("organizer-" + t.district().id))
                    .body("[1].reason", equalTo("tuổi cao, sức yếu"));
            events.awaitType(due, MemberEvents.STATUS_CHANGED);
            Api.get(Api.memberToken(t.cellA().id, soon), MEMBERS + "/" + due + "/status-history").statusCode(403);
            Api.get(scope, MEMBERS + "/probation-ending?days=30").statusCode(200).body("items.id", contains(soon))
                    .body("items.id", not(hasItem(due)));
        }
    }

    @Test
    void profileChangesArePublishedWithoutSensitiveFields() {
        OrgFeed.Tree t = OrgFeed.tree("profile-events");
        var body = Api.member(t.cellA().id, "Quàng Thị Ơn", TODAY.minusYears(3), "OFFICIAL");
        try (KafkaEvents events = new KafkaEvents(MemberEvents.TOPIC)) {
            String id = Api.create(ADMIN, body);
            var registered = events.awaitType(id, MemberEvents.REGISTERED).event();
            assertEquals("Quàng Thị Ơn", registered.path("data").path("member").path("fullName").asText());
            body.remove("admissionDate");
            body.remove("officialDate");
            body.remove("organizationId");
            body.remove("status");
            body.put("occupation", "Cán bộ xã");
            given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                    .put(MEMBERS + "/" + id).then().statusCode(200);
            var changed = events.awaitType(id, MemberEvents.PROFILE_CHANGED).event();
            assertEquals(1, changed.path("data").path("member").path("version").asInt());
            assertFalse(changed.toString().contains("011085001234"));
            assertFalse(changed.toString().contains("thang@example.vn"));
        }
    }
}
