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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.grassroots.testing.ContractCheck;

/**
 * Across the services, with real tokens through the gateway: a secretary holds the cell's meeting; the meetings service
 * publishes the unexcused absence; the membership service records it against the member, who reads it in the app.
 */
@ExtendWith(ContractCheck.class)
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
    void aPaperRegisterIsCaughtUpThroughTheGatewayAndItsAbsencesCount() throws InterruptedException {
        String secretary = bearer("secretary");
        // the cell's roster, as the meetings service lists it for a meeting of the cell
        Map<String, Object> draft = Map.of("organizationId", BAN_CANG, "kind", "EXTRAORDINARY", "format", "ONLINE",
                "startsAt", ZonedDateTime.now(HANOI).plusDays(7).toOffsetDateTime().toString(),
                "onlineLink", "https://meet.dienbien.vn/ban-cang", "topic", "Danh sách triệu tập (kiểm thử)");
        String draftId = given().header("Authorization", secretary).contentType(ContentType.JSON).body(draft).post(MEETINGS)
                .then().statusCode(201).extract().path("id");
        List<Map<String, Object>> roster = given().header("Authorization", secretary).get(MEETINGS + "/" + draftId + "/attendance")
                .then().statusCode(200).extract().path("members");
        assertTrue(roster.stream().anyMatch(m -> DUNG.equals(m.get("memberId"))), "the demo member is on the roster: " + roster);

        String header = "Mã tổ chức,Ngày họp,Loại,Mã đảng viên,Họ và tên,Điểm danh,Lý do\n";
        // a day of last year, inside the late-entry window; one outside it is refused and nothing is written
        LocalDate day = LocalDate.of(LocalDate.now(HANOI).getYear() - 1, 1, 1).plusDays(new Random().nextInt(360));
        String tooOld = day.minusYears(3).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        StringBuilder refused = new StringBuilder(header);
        StringBuilder register = new StringBuilder(header);
        for (Map<String, Object> m : roster) {
            boolean dung = DUNG.equals(m.get("memberId"));
            String row = "," + "Bất thường" + "," + m.get("memberId") + ",\"" + m.get("fullName") + "\","
                    + (dung ? "Vắng không lý do" : "Có mặt") + ",\n";
            refused.append(BAN_CANG).append(',').append(tooOld).append(row);
            register.append(BAN_CANG).append(',').append(day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))).append(row);
        }
        given().header("Authorization", secretary).contentType("text/csv; charset=UTF-8").body(refused.toString())
                .post(MEETINGS + "/imports").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.vn/problems/import-refused"))
                .body("imported", equalTo(0)).body("errors[0].line", equalTo(2));
        String dayList = MEETINGS + "?organizationId=" + BAN_CANG + "&includeDescendants=false&from=" + day + "&to=" + day
                + "&kind=EXTRAORDINARY";
        given().header("Authorization", secretary).get(dayList).then().statusCode(200).body("items.size()", equalTo(0));

        given().header("Authorization", secretary).contentType("text/csv; charset=UTF-8").body(register.toString())
                .post(MEETINGS + "/imports").then().statusCode(200)
                .body("imported", equalTo(roster.size())).body("rejected", equalTo(0));
        String held = given().header("Authorization", secretary).get(dayList).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].state", equalTo("HELD")).extract().path("items[0].id");
        given().header("Authorization", secretary).get(MEETINGS + "/" + held).then().statusCode(200)
                .body("attendance.enteredLate", equalTo(true)).body("attendance.absentUnexcused", equalTo(1));

        // its unexcused absence reaches the member's record like a live one
        String absences = GATEWAY + "/api/v1/members/" + DUNG + "/unexcused-absences";
        await(() -> given().header("Authorization", bearer("member")).get(absences).then().statusCode(200).extract()
                .jsonPath().getList("meetingId").contains(held), "membership records the imported absence");
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
