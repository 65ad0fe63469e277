package vn.grassroots.membership.domain;

import java.util.Set;

/** The organization types and statuses of the read model, as the organization service names them. */
public final class OrgTypes {
    /** Where members are active: cells (chi bộ cơ sở, chi bộ trực thuộc) and party groups (tổ đảng). */
    public static final Set<String> MEMBER_HOLDING = Set.of("GRASSROOTS_CELL", "SUBORDINATE_CELL", "PARTY_GROUP");
    public static final String ACTIVE = "ACTIVE";

    private OrgTypes() {}
}
