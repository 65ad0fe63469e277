package vn.grassroots.assignments;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AttendanceTest {
    static final String ASSIGNMENTS = "/api/v1/assignments";

    @Test
    void monthlyAttendanceDutyFromHeldMeetings() {
        Feed.Tree t = Feed.tree("M1");
        Feed.Member superior = Feed.member(t.cellB(), "Lò Văn Hưng");
        Feed.Member another = Feed.member(t.cellB(), "Quàng Thị Thu");
        String organizer = Api.as("organizer", t.district());
        Map<String, Object> duty = AssignmentsTest.assignment(superior, "ORGANIZATION", t.cellA().id, "ATTENDS_MEETINGS", t.district());
        duty.put("validFrom", "2025-01-01");
        String a1 = Api.post(organizer, ASSIGNMENTS, duty).statusCode(201).extract().path("id");
        Map<String, Object> duty2 = AssignmentsTest.assignment(another, "ORGANIZATION", t.school().id, "ATTENDS_MEETINGS", t.province());
        String a2 = Api.post(Api.ADMIN, ASSIGNMENTS, duty2).statusCode(201).extract().path("id");

        // cell A held three regular meetings in Jan–Mar 2025; the superior attended two; a thematic meeting does not count
        Feed.meetingHeld(t.cellA(), "REGULAR", LocalDate.parse("2025-01-05"), List.of(superior.id));
        Feed.meetingHeld(t.cellA(), "REGULAR", LocalDate.parse("2025-02-05"), List.of());
        Feed.meetingHeld(t.cellA(), "REGULAR", LocalDate.parse("2025-03-05"), List.of(superior.id, another.id));
        Feed.meetingHeld(t.cellA(), "THEMATIC", LocalDate.parse("2025-03-20"), List.of(superior.id));
        // outside the period, and in another cell
        Feed.meetingHeld(t.cellA(), "REGULAR", LocalDate.parse("2025-04-05"), List.of(superior.id));
        Feed.meetingHeld(t.cellB(), "REGULAR", LocalDate.parse("2025-02-07"), List.of(superior.id));

        Api.get(organizer, ASSIGNMENTS + "/attendance?from=2025-01&to=2025-03").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].assignmentId", equalTo(a1))
                .body("items[0].personName", equalTo("Lò Văn Hưng"))
                .body("items[0].organizationId", equalTo(t.cellA().id))
                .body("items[0].meetingsHeld", equalTo(3))
                .body("items[0].attended", equalTo(2))
                .body("items[0].share", equalTo(0.6667f));
        Api.get(organizer, ASSIGNMENTS + "/attendance?from=2025-04&to=2025-04&personId=" + superior.id).statusCode(200)
                .body("items[0].meetingsHeld", equalTo(1)).body("items[0].attended", equalTo(1)).body("items[0].share", equalTo(1.0f));
        // the province sees both duties; the school cell held nothing
        Api.get(Api.as("organizer", t.province()), ASSIGNMENTS + "/attendance?from=2025-01&to=2025-03&organizationId=" + t.province().id)
                .statusCode(200).body("items", hasSize(2));
        Api.get(Api.as("organizer", t.province()), ASSIGNMENTS + "/attendance?from=2025-01&to=2025-03&personId=" + another.id)
                .statusCode(200).body("items[0].assignmentId", equalTo(a2)).body("items[0].meetingsHeld", equalTo(0))
                .body("items[0].share", equalTo(0.0f));
        // the same superior also attends cell B: per assignee, both cells add up
        Map<String, Object> duty3 = AssignmentsTest.assignment(superior, "ORGANIZATION", t.cellB().id, "ATTENDS_MEETINGS", t.district());
        Api.post(organizer, ASSIGNMENTS, duty3).statusCode(201);
        Api.get(organizer, ASSIGNMENTS + "/attendance/by-person?from=2025-01&to=2025-03").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].personId", equalTo(superior.id))
                .body("items[0].cells", equalTo(2))
                .body("items[0].meetingsHeld", equalTo(4))
                .body("items[0].attended", equalTo(3))
                .body("items[0].share", equalTo(0.75f));
        Api.get(organizer, ASSIGNMENTS + "/attendance?from=2025-01&to=2025-03").statusCode(200).body("items", hasSize(2));
        // once ended, months after the end no longer count
        Api.post(organizer, ASSIGNMENTS + "/" + a1 + "/end", Map.of("reason", "Nghỉ hưu", "endedOn", "2025-02-28")).statusCode(200);
        Api.get(organizer, ASSIGNMENTS + "/attendance?from=2025-01&to=2025-03&organizationId=" + t.cellA().id).statusCode(200)
                .body("items[0].meetingsHeld", equalTo(2)).body("items[0].attended", equalTo(1));
        Api.get(organizer, ASSIGNMENTS + "/attendance?from=2025-13").statusCode(400).body("errors[0].field", equalTo("from"));
        Api.get(organizer, ASSIGNMENTS + "/attendance?from=2025-05&to=2025-01").statusCode(400).body("errors[0].field", equalTo("to"));
        Api.get(Api.as("organizer", t.otherDistrict()), ASSIGNMENTS + "/attendance?organizationId=" + t.district().id).statusCode(403);
    }
}
