package vn.grassroots.meetings;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.KafkaEvents;

/** Meetings recorded after they took place (a paper register caught up): one call or the usual steps, within the window. */
@QuarkusTest
class PastMeetingsTest {
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    static java.time.Instant at(int year, int month) {
        return LocalDateTime.of(year, month, 5, 7, 30).toInstant(ZoneOffset.ofHours(7));
    }

    @Test
    void threePastMonthsOfUnexcusedAbsenceCountLikeLiveOnes() {
        Feed.Tree t = Feed.tree("past-three");
        Feed.Member absent = Feed.member(t.cellA(), "Lò Văn Vắng", "OFFICIAL");
        Feed.Member present = Feed.member(t.cellA(), "Lò Văn Có", "OFFICIAL");
        Feed.members(absent, present);
        String secretary = Api.as("secretary", t.cellA());
        int year = LocalDate.now(HANOI).getYear() - 1;
        List<String> ids = new ArrayList<>();
        try (KafkaEvents events = new KafkaEvents(MeetingLifecycleTest.TOPIC)) {
            for (int month = 1; month <= 3; month++) {
                Map<String, Object> body = Map.of("meeting", Api.meeting(t.cellA(), "REGULAR", at(year, month)),
                        "attendance", List.of(Api.mark(absent, "ABSENT_UNEXCUSED"), Api.mark(present, "PRESENT")),
                        "minutes", Map.of("minutes", "Biên bản ghi lại từ sổ.\nHai đảng viên được triệu tập."));
                String id = Api.post(secretary, Api.MEETINGS + "/past", body).statusCode(201)
                        .body("state", equalTo("HELD")).body("meetingDate", equalTo(LocalDate.of(year, month, 5).toString()))
                        .body("attendance.enteredLate", equalTo(true)).body("attendance.recordedBy", notNullValue())
                        .body("attendance.recordedAt", notNullValue()).body("attendance.absentUnexcused", equalTo(1))
                        .body("minutes.minutes", containsString("\n"))
                        .extract().path("id");
                ids.add(id);
            }
            // one absence event per month, with the month of the meeting: membership's removal review counts exactly these
            Set<String> months = new HashSet<>();
            for (String id : ids) {
                var absence = events.await(id, e -> "vn.grassroots.meeting.absence-unexcused".equals(e.path("type").asText()),
                        Duration.ofSeconds(20)).event().path("data");
                assertEquals(absent.id, absence.path("memberId").asText());
                months.add(absence.path("month").asText());
                assertTrue(events.awaitType(id, "vn.grassroots.meeting.held").event().path("data").path("meeting").path("enteredLate").asBoolean());
            }
            assertEquals(Set.of(year + "-01", year + "-02", year + "-03"), months);
        }
        assertEquals(3, Feed.count("SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
                + "WHERE a.member_id = ?1 AND a.status = 'ABSENT_UNEXCUSED' AND m.entered_late", UUID.fromString(absent.id)));
    }

    @Test
    void theUsualStepsAndTheWindow() {
        Feed.Tree t = Feed.tree("past-steps");
        Feed.Member a = Feed.member(t.cellB(), "Lò Văn Một", "OFFICIAL");
        Feed.members(a);
        String secretary = Api.as("secretary", t.cellB());
        int thisYear = LocalDate.now(HANOI).getYear();
        // a draft of a day that has passed is held without being published, and says it was entered late
        String draft = Api.create(secretary, Api.meeting(t.cellB(), "THEMATIC", at(thisYear - 1, 6)));
        Api.hold(secretary, draft, List.of(Api.mark(a, "PRESENT")), List.of()).statusCode(200)
                .body("state", equalTo("HELD")).body("attendance.enteredLate", equalTo(true));
        // publishing stays ahead of time
        String other = Api.create(secretary, Api.meeting(t.cellB(), "REGULAR", at(thisYear - 1, 7)));
        Api.post(secretary, Api.MEETINGS + "/" + other + "/publish", null).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/meeting-in-past"));
        // before the window (the current year and the one before): refused, nothing recorded
        String old = Api.create(secretary, Api.meeting(t.cellB(), "REGULAR", at(thisYear - 2, 12)));
        Api.hold(secretary, old, List.of(Api.mark(a, "PRESENT")), List.of()).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/outside-late-entry-window"));
        Api.post(secretary, Api.MEETINGS + "/past", Map.of("meeting", Api.meeting(t.cellB(), "REGULAR", at(thisYear - 2, 11)),
                "attendance", List.of(Api.mark(a, "PRESENT")))).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/outside-late-entry-window"));
        // a meeting ahead is not recorded as past
        Api.post(secretary, Api.MEETINGS + "/past", Map.of("meeting", Api.meeting(t.cellB(), "REGULAR"),
                "attendance", List.of(Api.mark(a, "PRESENT")))).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/meeting-not-yet-held"));
        // an attendance that does not match the roster: nothing at all is recorded (one transaction)
        long before = Feed.count("SELECT count(*) FROM meeting WHERE organization_id = ?1", UUID.fromString(t.cellB().id));
        Api.post(secretary, Api.MEETINGS + "/past", Map.of("meeting", Api.meeting(t.cellB(), "REGULAR", at(thisYear - 1, 8)),
                "attendance", List.of(Map.of("memberId", UUID.randomUUID().toString(), "status", "PRESENT")))).statusCode(422);
        assertEquals(before, Feed.count("SELECT count(*) FROM meeting WHERE organization_id = ?1", UUID.fromString(t.cellB().id)));
    }
}
