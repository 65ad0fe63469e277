package vn.grassroots.evaluations;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed;

/** The read models follow the other services' topics: moves, versions, bad records. */
@QuarkusTest
class ReadModelTest {

    @Test
    void aMoveCarriesTheRatingsOfTheMovedSubtreeIntoTheNewParentsReports() {
        Feed.Tree t = Feed.tree("move");
        OrganizationFeed.Org other = Feed.org(t.district(), "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Pú Nhung move");
        Feed.send(Feed.ORGS_STATE, other.id, Feed.envelope("/grassroots/organization", "vn.grassroots.organization.state", other.id, other.json()));
        Feed.await("the other commune", () -> Feed.count("SELECT count(*) FROM org_ref WHERE id = '" + other.id + "'") == 1);
        String m = Feed.members(t.cellA().id, "Lường Văn Thắng", 1).get(0);
        String organizer = Api.as("organizer", t.district().id);
        String cycle = Api.openCycle(organizer, 2025, t.district().id, Api.CURRENT);
        Api.rate(cycle, "members", m, Api.as("secretary", t.cellA().id), Api.as("secretary", t.commune().id), "GOOD");

        String oldPath = t.cellA().path;
        OrganizationFeed.Org cell = t.cellA();
        cell.parentId = other.id;
        cell.path = other.path + cell.id + "/";
        cell.depth = other.depth + 1;
        cell.version = 1;
        ObjectNode data = Feed.JSON.createObjectNode();
        data.set("organization", cell.json());
        data.put("oldParentId", t.commune().id).put("newParentId", other.id).put("oldPath", oldPath).put("newPath", cell.path)
                .put("subtreeSize", 1);
        data.set("decision", Feed.JSON.valueToTree(Map.of("number", "9-QĐ/HU", "date", "2025-11-03")));
        Feed.send(Feed.ORGS, cell.id, Feed.envelope("/grassroots/organization", "vn.grassroots.organization.moved", cell.id, data));
        Feed.await("the move", () -> Feed.count("SELECT count(*) FROM rating WHERE subject_id = '" + m + "' AND org_path = '" + cell.path + "'") == 1);

        Api.get(organizer, "/reports/summary?year=2025&organizationId=" + other.id).statusCode(200).body("members.total", equalTo(1));
        Api.get(organizer, "/reports/summary?year=2025&organizationId=" + t.commune().id).statusCode(200).body("members.total", equalTo(0));
    }

    @Test
    void anOlderMemberVersionNeverOverwritesANewerOneAndBadRecordsAreSkipped() {
        Feed.Tree t = Feed.tree("versions");
        String m = Feed.members(t.cellA().id, "Quàng Thị Dung", 1).get(0);
        Feed.send(Feed.MEMBERS_STATE, m, Feed.envelope("/grassroots/membership", "vn.grassroots.member.state", m,
                Feed.member(m, "Quàng Thị Dung", t.cellB().id, "OFFICIAL", 5)));
        Feed.await("version 5", () -> Feed.count("SELECT count(*) FROM member_ref WHERE id = '" + m + "' AND version = 5") == 1);
        Feed.sendRaw(Feed.MEMBERS_STATE, m, "this is not JSON");
        Feed.sendRaw(Feed.MEMBERS_STATE, m, "{\"id\": \"x\", \"type\": \"vn.grassroots.member.state\", \"data\": {}}");
        Feed.send(Feed.MEMBERS_STATE, m, Feed.envelope("/grassroots/membership", "vn.grassroots.member.state", m,
                Feed.member(m, "Quàng Thị Dung", t.cellA().id, "OFFICIAL", 3)));
        String marker = Feed.members(t.cellA().id, "Marker", 1).get(0);
        assertEquals(1, Feed.count("SELECT count(*) FROM member_ref WHERE id = '" + marker + "'"));
        assertEquals(1, Feed.count("SELECT count(*) FROM member_ref WHERE id = '" + m + "' AND version = 5 AND organization_id = '" + t.cellB().id + "'"));
        // a member who left is not rated
        Feed.send(Feed.MEMBERS_STATE, m, Feed.envelope("/grassroots/membership", "vn.grassroots.member.state", m,
                Feed.member(m, "Quàng Thị Dung", t.cellB().id, "TRANSFERRED_OUT", 6)));
        Feed.await("version 6", () -> Feed.count("SELECT count(*) FROM member_ref WHERE id = '" + m + "' AND version = 6") == 1);
        String cycle = Api.openCycle(Api.as("organizer", t.district().id), 2025, t.district().id, Api.CURRENT);
        Api.post(Api.ADMIN, Api.rating(cycle, "members", m) + "/self-assessment", Api.selfAssessment(80)).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/member-not-active"));
    }
}
