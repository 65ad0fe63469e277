package vn.grassroots.common.tree;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The read model's helpers, the same in every service. */
class OrgRefTest {

    @Test
    void cellsHoldMeetingsAndWithPartyGroupsHoldMembers() {
        for (OrganizationType t : OrganizationType.values()) {
            OrgRef o = org(t, "/a/");
            boolean cell = t == OrganizationType.GRASSROOTS_CELL || t == OrganizationType.SUBORDINATE_CELL;
            assertTrue(o.isCell() == cell, t.name());
            assertTrue(o.holdsMembers() == (cell || t == OrganizationType.PARTY_GROUP), t.name());
        }
    }

    @Test
    void activeAndContains() {
        OrgRef district = org(OrganizationType.DISTRICT_COMMITTEE, "/p/d/");
        OrgRef cell = org(OrganizationType.GRASSROOTS_CELL, "/p/d/c/");
        OrgRef other = org(OrganizationType.GRASSROOTS_CELL, "/p/d2/c/");
        assertTrue(district.isActive());
        assertTrue(district.contains(cell));
        assertTrue(cell.contains(cell));
        assertFalse(cell.contains(district));
        assertFalse(district.contains(other));
        cell.status = "DISSOLVED";
        assertFalse(cell.isActive());
    }

    private static OrgRef org(OrganizationType type, String path) {
        OrgRef o = new OrgRef();
        o.type = type.name();
        o.path = path;
        o.status = "ACTIVE";
        return o;
    }
}
