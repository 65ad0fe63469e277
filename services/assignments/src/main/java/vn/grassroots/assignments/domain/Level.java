package vn.grassroots.assignments.domain;

import java.util.Set;
import vn.grassroots.common.tree.OrgRef;

/** Level of an assignment: the committee that decided it (cấp tỉnh, cấp huyện, cơ sở). */
public enum Level {
    PROVINCIAL, DISTRICT, GRASSROOTS;

    /** Committees that decide at the district level (cấp huyện và tương đương). */
    private static final Set<String> DISTRICT_LEVEL = Set.of("DISTRICT_COMMITTEE", "AFFILIATED_COMMITTEE");

    /** The level of an assignment decided by this organization's committee. */
    public static Level decidedBy(OrgRef committee) {
        if ("PROVINCIAL_COMMITTEE".equals(committee.type)) {
            return PROVINCIAL;
        }
        return DISTRICT_LEVEL.contains(committee.type) ? DISTRICT : GRASSROOTS;
    }
}
