package vn.grassroots.meetings;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.KafkaEvents;

/** Attendance against the roster (temporary members included), quorum, guests and the assigned superior, events. */
@QuarkusTest
class AttendanceTest {

    @Test
    void theRosterIsTheCellsActiveMembersAndQuorumCountsOfficialMembersOnly() {
        Feed.Tree t = Feed.tree("quorum");
        Feed.Member o1 = Feed.member(t.cellA(), "Lò Văn Một", "OFFICIAL");
        Feed.Member o2 = Feed.member(t.cellA(), "Lò Văn Hai", "OFFICIAL");
        Feed.Member o3 = Feed.member(t.cellA(), "Lò Văn Ba", "OFFICIAL");
        Feed.Member exempt = Feed.member(t.cellA(), "Quàng Văn Miễn", "EXEMPT");
        Feed.Member probation = Feed.member(t.cellA(), "Lường Thị Dự", "PROBATIONARY");
        Feed.Member removed = Feed.member(t.cellA(), "Cà Văn Xóa", "REMOVED");
        // active in cell B, and in cell A through a temporary transfer
        Feed.Member guestMember = Feed.member(t.cellB(), "Tòng Văn Tạm", "OFFICIAL");
        guestMember.hosts = List.<String[]>of(new String[] {t.cellA().id, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusMonths(3).toString()});
        Feed.Member other = Feed.member(t.cellB(), "Lò Thị Khác", "OFFICIAL");
        Feed.members(o1, o2, o3, exempt, probation, removed, guestMember, other);
        Feed.Member superior = Feed.member(t.commune(), "Quàng Văn Hùng", "OFFICIAL");
        Feed.members(superior);
        Feed.assignAttendance(superior.id, t.cellA(), 1, "ACTIVE");

        String secretary = Api.as("secretary", t.cellA());
        String id = Api.published(secretary, t.cellA(), "REGULAR");
        // before the meeting: the roster as it stands
        Api.get(secretary, Api.MEETINGS + "/" + id + "/attendance").statusCode(200).body("members", hasSize(6))
                .body("members.memberId", hasItem(guestMember.id));

        // refusals: someone of another cell, an unknown id, an incomplete roster, excused without a reason
        var strangers = Api.hold(secretary, id, List.of(Api.mark(o1, "PRESENT"), Api.mark(other, "PRESENT")), List.of()).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/not-a-member-of-organization"))
                .body("errors[0].field", equalTo("attendance[1].memberId"));
        Api.hold(secretary, id, List.of(Map.of("memberId", UUID.randomUUID().toString(), "status", "PRESENT")), List.of()).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/not-a-member-of-organization"));
        Api.hold(secretary, id, List.of(Api.mark(o1, "PRESENT"), Api.mark(removed, "PRESENT")), List.of()).statusCode(422);
        Api.hold(secretary, id, List.of(Api.mark(o1, "PRESENT")), List.of()).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/attendance-incomplete")).body("errors", hasSize(5));
        Api.hold(secretary, id, List.of(Map.of("memberId", o1.id, "status", "ABSENT_EXCUSED")), List.of()).statusCode(400)
                .body("errors[0].field", equalTo("attendance[0].reason"));
        Api.hold(secretary, id, List.of(Api.mark(o1, "PRESENT"), Api.mark(o1, "PRESENT")), List.of()).statusCode(400);
        Api.hold(secretary, id, List.of(Map.of("memberId", o1.id, "status", "LATE")), List.of()).statusCode(400);
        Api.get(secretary, Api.MEETINGS + "/" + id).statusCode(200).body("state", equalTo("PUBLISHED"));
        assertEquals(0, Feed.count("SELECT count(*) FROM attendance WHERE meeting_id = ?1", UUID.fromString(id)));

        // 2 of the 4 official members summoned (3 own + 1 temporary; exempt not counted) are present: 2/4 < 2/3
        var marks = List.of(Api.mark(o1, "PRESENT"), Api.mark(o2, "PRESENT"), Api.mark(o3, "ABSENT_EXCUSED"),
                Api.mark(exempt, "ABSENT_EXCUSED"), Api.mark(probation, "PRESENT"), Api.mark(guestMember, "ABSENT_UNEXCUSED"));
        var guests = List.<Map<String, Object>>of(Map.of("fullName", "Quàng Văn Hùng", "memberId", superior.id, "title", "Đảng ủy viên xã"),
                Map.of("fullName", "Nguyễn Văn Khách", "title", "Trưởng bản"));
        try (KafkaEvents events = new KafkaEvents(MeetingLifecycleTest.TOPIC)) {
            Api.hold(secretary, id, marks, guests).statusCode(200).body("state", equalTo("HELD"))
                    .body("attendance.expected", equalTo(6)).body("attendance.expectedOfficial", equalTo(4))
                    .body("attendance.present", equalTo(3)).body("attendance.presentOfficial", equalTo(2))
                    .body("attendance.absentExcused", equalTo(2)).body("attendance.absentUnexcused", equalTo(1))
                    .body("attendance.quorumMet", equalTo(false)).body("attendance.superiorAttended", equalTo(true));
            var held = events.awaitType(id, "vn.grassroots.meeting.held").event().path("data").path("attendance");
            assertEquals(6, held.path("expected").asInt());
            assertFalse(held.path("quorumMet").asBoolean());
            assertTrue(held.path("superiorAttended").asBoolean());
            assertEquals(superior.id, held.path("superiorAttendeeIds").get(0).asText());
            assertEquals(6, held.path("members").size());
            var absence = events.await(id, e -> "vn.grassroots.meeting.absence-unexcused".equals(e.path("type").asText()),
                    java.time.Duration.ofSeconds(20)).event().path("data");
            assertEquals(guestMember.id, absence.path("memberId").asText());
            assertEquals(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString().substring(0, 7), absence.path("month").asText());
        }
        assertEquals(1, Feed.count("SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = 'vn.grassroots.meeting.absence-unexcused'", id));
        Api.get(secretary, Api.MEETINGS + "/" + id + "/attendance").statusCode(200).body("members", hasSize(6))
                .body("guests", hasSize(2)).body("guests[0].superior", equalTo(true)).body("guests[1].superior", equalTo(false))
                .body("members.find { it.memberId == '" + guestMember.id + "' }.temporary", equalTo(true));
        // held once only
        Api.hold(secretary, id, marks, guests).statusCode(409);
    }

    @Test
    void aMeetingWithTwoThirdsOfTheOfficialMembersIsValidAndOneBeforeItsDayCannotBeHeld() {
        Feed.Tree t = Feed.tree("valid");
        Feed.Member a = Feed.member(t.cellB(), "Lò Văn An", "OFFICIAL");
        Feed.Member b = Feed.member(t.cellB(), "Lò Văn Bình", "OFFICIAL");
        Feed.Member c = Feed.member(t.cellB(), "Lò Văn Cường", "OFFICIAL");
        Feed.members(a, b, c);
        String secretary = Api.as("secretary", t.cellB());
        String id = Api.published(secretary, t.cellB(), "REGULAR");
        Api.hold(secretary, id, List.of(Api.mark(a, "PRESENT"), Api.mark(b, "PRESENT"), Api.mark(c, "ABSENT_UNEXCUSED")), List.of())
                .statusCode(200).body("attendance.quorumMet", equalTo(true)).body("attendance.superiorExpected", equalTo(false));

        String tomorrow = Api.create(secretary, Api.meeting(t.cellB(), "THEMATIC", java.time.Instant.now().plus(java.time.Duration.ofDays(2))));
        Api.post(secretary, Api.MEETINGS + "/" + tomorrow + "/publish", null).statusCode(200);
        Api.hold(secretary, tomorrow, List.of(Api.mark(a, "PRESENT"), Api.mark(b, "PRESENT"), Api.mark(c, "PRESENT")), List.of())
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/meeting-not-yet-held"));
        // a draft is not held
        String draft = Api.create(secretary, Api.meeting(t.cellB(), "REGULAR"));
        Api.hold(secretary, draft, List.of(Api.mark(a, "PRESENT")), List.of()).statusCode(409);
    }
}
