package vn.grassroots.common.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.common.tree.OrganizationType.AFFILIATED_COMMITTEE;
import static vn.grassroots.common.tree.OrganizationType.DISTRICT_COMMITTEE;
import static vn.grassroots.common.tree.OrganizationType.GRASSROOTS_CELL;
import static vn.grassroots.common.tree.OrganizationType.GRASSROOTS_COMMITTEE;
import static vn.grassroots.common.tree.OrganizationType.PARTIAL_COMMITTEE;
import static vn.grassroots.common.tree.OrganizationType.PARTY_GROUP;
import static vn.grassroots.common.tree.OrganizationType.PROVINCIAL_COMMITTEE;
import static vn.grassroots.common.tree.OrganizationType.SUBORDINATE_CELL;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tree's type rules (the organization service refuses a creation, move, merge or split that breaks them):
 * province → district or affiliated committee → grassroots committee or cell → partial committee or subordinate cell
 * → party group.
 */
class OrganizationTypeTest {
    private static final Map<OrganizationType, Set<OrganizationType>> PARENTS = Map.of(
            PROVINCIAL_COMMITTEE, Set.of(),
            DISTRICT_COMMITTEE, Set.of(PROVINCIAL_COMMITTEE),
            AFFILIATED_COMMITTEE, Set.of(PROVINCIAL_COMMITTEE),
            GRASSROOTS_COMMITTEE, Set.of(DISTRICT_COMMITTEE, AFFILIATED_COMMITTEE),
            GRASSROOTS_CELL, Set.of(DISTRICT_COMMITTEE, AFFILIATED_COMMITTEE),
            PARTIAL_COMMITTEE, Set.of(GRASSROOTS_COMMITTEE),
            SUBORDINATE_CELL, Set.of(GRASSROOTS_COMMITTEE, PARTIAL_COMMITTEE),
            PARTY_GROUP, Set.of(GRASSROOTS_CELL, SUBORDINATE_CELL));

    @Test
    void everyPairOfTypesIsAllowedOrRefusedAsTheStatuteSays() {
        for (OrganizationType child : OrganizationType.values()) {
            assertEquals(PARENTS.get(child), child.allowedParents(), child.name());
            for (OrganizationType parent : OrganizationType.values()) {
                assertEquals(PARENTS.get(child).contains(parent), child.mayBeChildOf(parent), child + " under " + parent);
            }
        }
    }

    @Test
    void onlyTheProvinceIsARootAndNoTypeLiesUnderItselfOrBelowItsChildren() {
        assertEquals(List.of(PROVINCIAL_COMMITTEE), Arrays.stream(OrganizationType.values()).filter(OrganizationType::isRoot).toList());
        for (OrganizationType t : OrganizationType.values()) {
            assertFalse(t.mayBeChildOf(t), t.name());
        }
        assertTrue(PARTY_GROUP.mayBeChildOf(SUBORDINATE_CELL));
        assertFalse(SUBORDINATE_CELL.mayBeChildOf(PARTY_GROUP));
        assertFalse(GRASSROOTS_CELL.mayBeChildOf(PROVINCIAL_COMMITTEE));
    }

    @Test
    void everyTypeHasItsVietnameseName() {
        assertEquals("Chi bộ cơ sở", GRASSROOTS_CELL.vietnamese());
        assertEquals("Tổ đảng", PARTY_GROUP.vietnamese());
        for (OrganizationType t : OrganizationType.values()) {
            assertFalse(t.vietnamese().isBlank(), t.name());
        }
    }
}
