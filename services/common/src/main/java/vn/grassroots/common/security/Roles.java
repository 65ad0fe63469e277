package vn.grassroots.common.security;

/** Realm roles carried in tokens (realm_access.roles). */
public final class Roles {
    /** Whole tree, every operation. */
    public static final String ADMIN = "admin";
    /** Organization committee staff (Ban Tổ chức) of a district or province: reads and changes their subtree. */
    public static final String ORGANIZER = "organizer";
    /** Secretary (bí thư) of a cell or committee: reads their subtree, keeps its committee and records. */
    public static final String SECRETARY = "secretary";
    /** Party member (đảng viên): reads what concerns them. */
    public static final String MEMBER = "member";
    /** Inspection staff: reads everything in their subtree, including the audit trail. */
    public static final String AUDITOR = "auditor";
    /** Service accounts of provincial systems: read and change their subtree. */
    public static final String INTEGRATION = "integration";

    private Roles() {}
}
