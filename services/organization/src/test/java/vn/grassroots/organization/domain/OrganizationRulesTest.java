package vn.grassroots.organization.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.tree.OrganizationType;

/** The tree's rules on an organization: which parent a type may have, what may be moved where. Plain JUnit. */
class OrganizationRulesTest {

    static Organization org(String name, OrganizationType type, Organization parent) {
        Organization o = new Organization();
        o.id = UUID.randomUUID();
        o.name = name;
        o.type = type;
        o.status = OrganizationStatus.ACTIVE;
        o.parentId = parent == null ? null : parent.id;
        o.path = Organization.childPath(parent == null ? null : parent.path, o.id);
        o.depth = parent == null ? 0 : parent.depth + 1;
        return o;
    }

    final Organization province = org("Đảng bộ tỉnh", OrganizationType.PROVINCIAL_COMMITTEE, null);
    final Organization district = org("Đảng bộ huyện A", OrganizationType.DISTRICT_COMMITTEE, province);
    final Organization otherDistrict = org("Đảng bộ huyện B", OrganizationType.DISTRICT_COMMITTEE, province);
    final Organization commune = org("Đảng bộ xã", OrganizationType.GRASSROOTS_COMMITTEE, district);
    final Organization cell = org("Chi bộ thôn 1", OrganizationType.SUBORDINATE_CELL, commune);

    static ProblemException refusal(Runnable rule) {
        return assertThrows(ProblemException.class, rule::run);
    }

    @Test
    void aTypeGoesOnlyUnderTheParentsItsPlaceAllows() {
        assertDoesNotThrow(() -> Organization.requireParentType(OrganizationType.SUBORDINATE_CELL, OrganizationType.GRASSROOTS_COMMITTEE, "type"));
        ProblemException e = refusal(() -> Organization.requireParentType(OrganizationType.SUBORDINATE_CELL,
                OrganizationType.DISTRICT_COMMITTEE, "parentId"));
        assertEquals(422, e.status());
        assertEquals("invalid-parent", e.slug());
        assertEquals("a SUBORDINATE_CELL (Chi bộ trực thuộc) cannot be under a DISTRICT_COMMITTEE (Huyện ủy / Quận ủy / Thị ủy / Thành ủy); allowed parents: "
                + OrganizationType.SUBORDINATE_CELL.allowedParents(), e.getMessage());
        assertEquals("parentId", e.errors().get(0).field());
    }

    @Test
    void anEndedOrganizationNoLongerChanges() {
        assertDoesNotThrow(cell::requireActive);
        cell.end(OrganizationStatus.DISSOLVED, new Decision("12-QĐ/HU", LocalDate.of(2025, 3, 1)), "giải thể");
        ProblemException e = refusal(cell::requireActive);
        assertEquals(409, e.status());
        assertEquals("organization-inactive", e.slug());
        assertEquals("Chi bộ thôn 1 is DISSOLVED and can no longer change", e.getMessage());
    }

    @Test
    void theRootOfATreeIsNotRestructured() {
        assertDoesNotThrow(() -> district.requireRestructurable(null));
        ProblemException e = refusal(() -> province.requireRestructurable("sourceIds[0]"));
        assertEquals("root-not-restructurable", e.slug());
        assertEquals("sourceIds[0]", e.errors().get(0).field());
        assertEquals("id", refusal(() -> province.requireRestructurable(null)).errors().get(0).field());
    }

    @Test
    void aMoveGoesUnderAnotherActiveParentOutsideItsOwnSubtree() {
        assertDoesNotThrow(() -> commune.requireMovableUnder(otherDistrict));

        ProblemException intoItself = refusal(() -> district.requireMovableUnder(commune));
        assertEquals("move-cycle", intoItself.slug());
        assertEquals("newParentId", intoItself.errors().get(0).field());
        assertEquals("move-cycle", refusal(() -> district.requireMovableUnder(district)).slug());

        ProblemException same = refusal(() -> commune.requireMovableUnder(district));
        assertEquals("already-there", same.slug());
        assertEquals("Đảng bộ xã is already under Đảng bộ huyện A", same.getMessage());

        assertEquals("invalid-parent", refusal(() -> cell.requireMovableUnder(otherDistrict)).slug());

        otherDistrict.end(OrganizationStatus.MERGED, new Decision("7-QĐ/TU", LocalDate.of(2025, 7, 1)), "sáp nhập");
        assertEquals("organization-inactive", refusal(() -> commune.requireMovableUnder(otherDistrict)).slug());
    }
}
