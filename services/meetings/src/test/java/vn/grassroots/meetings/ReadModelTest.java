package vn.grassroots.meetings;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed;

/** The read models follow their topics: a move carries the meetings along; members are version-guarded and idempotent. */
@QuarkusTest
class ReadModelTest {

    @Test
    void aMoveCarriesTheMeetingsOfTheMovedSubtreeToTheNewScope() {
        Feed.Tree t = Feed.tree("move");
        OrganizationFeed.Org other = Feed.org(t.province(), "DISTRICT_COMMITTEE", "Huyện ủy Mường Ảng move");
        Feed.orgState(other);
        Feed.await("other district", () -> Feed.count("SELECT count(*) FROM org_ref WHERE id = ?1", UUID.fromString(other.id)) == 1);
        String id = Api.create(Api.as("secretary", t.cellA()), Api.meeting(t.cellA(), "REGULAR"));

        String oldPath = t.commune().path;
        OrganizationFeed.Org commune = t.commune();
        commune.parentId = other.id;
        commune.path = other.path + commune.id + "/";
        commune.depth = other.depth + 1;
        commune.version = 1;
        ObjectNode details = Feed.JSON.createObjectNode();
        details.put("oldParentId", t.district().id).put("newParentId", other.id).put("oldPath", oldPath).put("newPath", commune.path)
                .put("subtreeSize", 3);
        details.putObject("decision").put("number", "12-QĐ/TU").put("date", "2025-02-03");
        Feed.orgEvent("moved", commune, details);
        String newMeetingPath = commune.path + t.cellA().id + "/";
        Feed.await("the meeting's path", () -> Feed.count("SELECT count(*) FROM meeting WHERE id = ?1 AND organization_path = ?2",
                UUID.fromString(id), newMeetingPath) == 1);

        Api.get(Api.as("organizer", other), Api.MEETINGS).statusCode(200).body("items.id", hasItem(id));
        Api.get(Api.as("organizer", t.district()), Api.MEETINGS).statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void anOlderMemberVersionNeverOverwritesANewerOneAndBadRecordsAreSkipped() {
        Feed.Tree t = Feed.tree("members");
        Feed.Member m = Feed.member(t.cellA(), "Lò Văn Cũ", "OFFICIAL");
        m.version = 4;
        Feed.members(m);
        Feed.sendRaw(Feed.MEMBER_STATE, m.id, "not json");
        Feed.sendRaw(Feed.MEMBER_STATE, m.id, "{\"id\":\"x\",\"type\":\"vn.grassroots.member.state\",\"data\":{}}");
        m.version = 3;
        m.organizationId = t.cellB().id;
        Feed.send(Feed.MEMBER_STATE, m.id, Feed.envelope("/grassroots/membership", "vn.grassroots.member.state", m.id, m.json()), true);
        // a later record on the same partition (same key) proves the older one was consumed before it
        Feed.Member marker = Feed.member(t.cellB(), "Lò Văn Mốc", "OFFICIAL");
        marker.version = 1;
        Feed.send(Feed.MEMBER_STATE, m.id, Feed.envelope("/grassroots/membership", "vn.grassroots.member.state", marker.id, marker.json()), true);
        Feed.awaitMember(marker);
        assertEquals(1, Feed.count("SELECT count(*) FROM member_ref WHERE id = ?1 AND version = 4 AND organization_id = ?2",
                UUID.fromString(m.id), UUID.fromString(t.cellA().id)));

        // an event moving the member with a newer version is applied, once
        m.version = 5;
        Feed.memberEvent("transferred", m);
        Feed.awaitMember(m);
        assertEquals(1, Feed.count("SELECT count(*) FROM member_ref WHERE id = ?1 AND organization_id = ?2",
                UUID.fromString(m.id), UUID.fromString(t.cellB().id)));
    }

    @Test
    void anEndedAssignmentNoLongerMakesASuperiorExpected() {
        Feed.Tree t = Feed.tree("assignments");
        Feed.Member m = Feed.member(t.cellB(), "Lò Văn Bản", "OFFICIAL");
        Feed.Member superior = Feed.member(t.commune(), "Quàng Văn Cấp Trên", "OFFICIAL");
        Feed.members(m, superior);
        String assignment = Feed.assignAttendance(superior.id, t.cellB(), 1, "ACTIVE");
        String secretary = Api.as("secretary", t.cellB());
        String first = Api.published(secretary, t.cellB(), "REGULAR");
        Api.hold(secretary, first, java.util.List.of(Api.mark(m, "PRESENT")), java.util.List.of()).statusCode(200)
                .body("attendance.superiorExpected", org.hamcrest.Matchers.equalTo(true))
                .body("attendance.superiorAttended", org.hamcrest.Matchers.equalTo(false));

        // the assignments service ends it (event topic, newer version) as of yesterday
        ObjectNode a = Feed.JSON.createObjectNode();
        a.put("id", assignment).put("personId", superior.id).put("targetType", "ORGANIZATION").put("targetId", t.cellB().id)
                .put("organizationId", t.cellB().id).put("role", "ATTENDS_MEETINGS")
                .put("validFrom", java.time.LocalDate.now().minusMonths(1).toString())
                .put("validTo", java.time.LocalDate.now().minusDays(2).toString()).put("status", "ENDED").put("endReason", "Điều động công tác")
                .put("version", 2).put("updatedAt", java.time.Instant.now().toString());
        ObjectNode data = Feed.JSON.createObjectNode();
        data.set("assignment", a);
        Feed.send("grassroots.assignments.assignments.v1", assignment,
                Feed.envelope("/grassroots/assignments", "vn.grassroots.assignment.ended", assignment, data), false);
        Feed.await("the ended assignment", () -> Feed.count("SELECT count(*) FROM assignment_ref WHERE id = ?1 AND status = 'ENDED'",
                UUID.fromString(assignment)) == 1);
        String second = Api.published(secretary, t.cellB(), "THEMATIC");
        Api.hold(secretary, second, java.util.List.of(Api.mark(m, "PRESENT")),
                java.util.List.of(java.util.Map.of("fullName", "Quàng Văn Cấp Trên", "memberId", superior.id))).statusCode(200)
                .body("attendance.superiorExpected", org.hamcrest.Matchers.equalTo(false))
                .body("attendance.superiorAttended", org.hamcrest.Matchers.equalTo(false));
    }
}
