package vn.grassroots.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.gateway.e2e.PlatformIT.BAN_CANG;
import static vn.grassroots.gateway.e2e.PlatformIT.GATEWAY;
import static vn.grassroots.gateway.e2e.PlatformIT.bearer;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Across the services, with real tokens through the gateway: a secretary holds the cell's meeting; the meetings service
 * publishes the unexcused absence; the membership service records it against the member, who reads it in the app.
 */
class MeetingsFlowIT {
    static final String MEETINGS = GATEWAY + "/api/v1/meetings";
    static final String DUNG = "30000000-0000-4000-8000-000000000004"; // the demo user "member"
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void anUnexcusedAbsenceAtTheCellMeetingReachesTheMembersRecord() throws InterruptedException {
        String secretary = bearer("secretary");
        String member = bearer("member");
        // a meeting later today (held "on or after the meeting day"); just after midnight would be tomorrow
        ZonedDateTime now = ZonedDateTime.now(HANOI);
        if (!now.plusMinutes(3).toLocalDate().equals(now.toLocalDate())) {
            Thread.sleep(Duration.ofMinutes(4).toMillis());
        }
        OffsetDateTime startsAt = ZonedDateTime.now(HANOI).plusMinutes(2).toOffsetDateTime();
        Map<String, Object> meeting = Map.of("organizationId", BAN_CANG, "kind", "EXTRAORDINARY", "format", "ONLINE",
                "startsAt", startsAt.toString(), "onlineLink", "https://meet.dienbien.vn/ban-cang", "topic", "Sinh hoạt bất thường (kiểm thử)",
                "agenda", List.of(Map.of("title", "Phòng chống lũ quét")));
        String id = given().header("Authorization", secretary).contentType(ContentType.JSON).body(meeting).post(MEETINGS)
                .then().statusCode(201).body("state", equalTo("DRAFT")).extract().path("id");
        given().header("Authorization", member).get(MEETINGS + "/" + id).then().statusCode(403);
        given().header("Authorization", secretary).post(MEETINGS + "/" + id + "/publish").then().statusCode(200)
                .body("state", equalTo("PUBLISHED"));
        given().header("Authorization", member).get(MEETINGS + "/mine").then().statusCode(200).body("items.id", hasItem(id));

        // the roster comes from the membership events; everyone present but the demo member
        List<Map<String, Object>> roster = given().header("Authorization", secretary).get(MEETINGS + "/" + id + "/attendance")
                .then().statusCode(200).extract().path("members");
        assertTrue(roster.stream().anyMatch(m -> DUNG.equals(m.get("memberId"))), "the demo member is on the roster: " + roster);
        List<Map<String, Object>> marks = new ArrayList<>();
        for (Map<String, Object> m : roster) {
            Map<String, Object> mark = new HashMap<>();
            mark.put("memberId", m.get("memberId"));
            mark.put("status", DUNG.equals(m.get("memberId")) ? "ABSENT_UNEXCUSED" : "PRESENT");
            marks.add(mark);
        }
        given().header("Authorization", secretary).contentType(ContentType.JSON).body(Map.of("attendance", marks, "guests", List.of()))
                .post(MEETINGS + "/" + id + "/hold").then().statusCode(200).body("state", equalTo("HELD"));

        // Kafka carries the absence to the membership service
        String absences = GATEWAY + "/api/v1/members/" + DUNG + "/unexcused-absences";
        await(() -> given().header("Authorization", member).get(absences).then().statusCode(200).extract()
                .jsonPath().getList("meetingId").contains(id), "membership records the absence");
        given().header("Authorization", bearer("organizer")).get(absences).then().statusCode(200).body("meetingId", hasItem(id));
    }

    @Test
    void theEvaluationsServiceAnswersWithItsPoliciesAndTheDemoCycle() {
        String organizer = bearer("organizer");
        given().header("Authorization", organizer).get(GATEWAY + "/api/v1/evaluations/policies").then().statusCode(200)
                .body(containsString("CURRENT-2018")).body(containsString("BEFORE-2018"));
        given().header("Authorization", organizer).get(GATEWAY + "/api/v1/evaluations/cycles").then().statusCode(200)
                .body(containsString("Đảng bộ huyện Tuần Giáo"));
        for (String doc : new String[] {"meetings", "evaluations"}) {
            given().get(GATEWAY + "/openapi/" + doc).then().statusCode(200).body(containsString("/api/v1/" + doc));
        }
    }

    static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
