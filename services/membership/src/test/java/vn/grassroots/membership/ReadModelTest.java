package vn.grassroots.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.testing.OrganizationFeed.Org;

/** The read model of the organization tree follows the organization service's state and event topics. */
@QuarkusTest
class ReadModelTest {

    @Test
    void stateRecordsBuildTheTree() {
        OrgFeed.Tree t = OrgFeed.tree("state");
        OrgRef group = OrgFeed.read(t.group().id);
        assertEquals("PARTY_GROUP", group.type);
        assertEquals(4, group.depth);
        assertEquals(t.cellA().id, group.parentId.toString());
        assertEquals("Tổ đảng số 1 state", group.name);
    }

    @Test
    void aMoveRewritesThePathsOfTheWholeSubtreeInOneStatement() {
        OrgFeed.Tree t = OrgFeed.tree("move");
        Org other = OrgFeed.org(t.district(), "GRASSROOTS_COMMITTEE", "Đảng bộ xã Pú Nhung");
        OrgFeed.state(other);
        OrgFeed.awaitApplied(other.id, 0, other.path);

        Org cell = t.cellA();
        OrgFeed.move(cell, t.commune(), other, 2, "9-QĐ/HU");
        // the party group below moved with it, though only the cell's event named it
        OrgFeed.awaitApplied(t.group().id, 0, cell.path + t.group().id + "/");
        assertEquals(cell.depth + 1, OrgFeed.read(t.group().id).depth);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        OrgFeed.Tree t = OrgFeed.tree("versions");
        Org cell = t.cellB();
        cell.version = 3;
        cell.name = "Chi bộ bản Sáng (mới)";
        OrgFeed.event("updated", cell, Map.of());
        OrgFeed.awaitApplied(cell.id, 3, cell.path);

        cell.version = 2;
        cell.name = "Chi bộ bản Sáng (cũ)";
        OrgFeed.state(cell);
        // a later, newer record proves the old one was consumed before it
        Org marker = t.commune();
        marker.version = 1;
        OrgFeed.state(marker);
        OrgFeed.awaitApplied(marker.id, 1, marker.path);
        OrgRef stored = OrgFeed.read(cell.id);
        assertEquals(3, stored.version);
        assertEquals("Chi bộ bản Sáng (mới)", stored.name);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        OrgFeed.Tree t = OrgFeed.tree("redelivery");
        Org cell = t.cellA();
        cell.version = 1;
        cell.status = "DISSOLVED";
        var event = OrgFeed.envelope("vn.grassroots.organization.dissolved", cell.id, wrap(cell));
        OrgFeed.send(OrgFeed.TOPIC, cell.id, event);
        OrgFeed.awaitApplied(cell.id, 1, cell.path);
        assertEquals("DISSOLVED", OrgFeed.read(cell.id).status);

        // the same event id again, with content that would change the row: skipped as already processed
        var replay = OrgFeed.envelope("vn.grassroots.organization.dissolved", cell.id, wrap(cell));
        replay.put("id", event.path("id").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode) replay.path("data").path("organization")).put("name", "changed by a replay");
        OrgFeed.send(OrgFeed.TOPIC, cell.id, replay);
        Org marker = t.cellB();
        marker.version = 1;
        OrgFeed.event("updated", marker, Map.of());
        OrgFeed.awaitApplied(marker.id, 1, marker.path);
        assertEquals(cell.name, OrgFeed.read(cell.id).name);
    }

    @Test
    void badRecordsAreSkippedAndTheConsumerGoesOn() {
        OrgFeed.Tree t = OrgFeed.tree("bad");
        OrgFeed.sendRaw(OrgFeed.TOPIC, t.cellA().id, "this is not JSON {");
        OrgFeed.sendRaw(OrgFeed.TOPIC, t.cellA().id, "{\"id\":\"x\",\"type\":\"vn.grassroots.organization.updated\",\"data\":{}}");
        OrgFeed.sendRaw(OrgFeed.STATE_TOPIC, t.cellB().id, "{\"id\":\"y\",\"type\":\"vn.grassroots.organization.state\","
                + "\"data\":{\"id\":\"not-a-uuid\",\"path\":\"/x/\",\"version\":\"new\"}}");
        OrgFeed.sendRaw(OrgFeed.TOPIC, t.cellA().id, "{\"id\":\"z\",\"type\":\"vn.grassroots.organization.moved\",\"data\":{\"organization\":"
                + t.cellA().json() + ",\"oldPath\":\"nonsense\"}}");
        OrgFeed.sendRaw(OrgFeed.STATE_TOPIC, t.cellB().id, null);
        OrgFeed.sendRaw(OrgFeed.STATE_TOPIC, t.cellB().id, "[1, 2]");
        Org cell = t.cellA();
        cell.version = 5;
        OrgFeed.event("updated", cell, Map.of());
        assertNotNull(OrgFeed.awaitApplied(cell.id, 5, cell.path));
        Org other = t.cellB();
        other.version = 5;
        OrgFeed.state(other);
        assertNotNull(OrgFeed.awaitApplied(other.id, 5, other.path));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode wrap(Org o) {
        var data = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        data.set("organization", o.json());
        return data;
    }
}
