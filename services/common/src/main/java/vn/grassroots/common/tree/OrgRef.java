package vn.grassroots.common.tree;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.UUID;

/**
 * An organization as the organization service last described it: a row of a service's read model org_ref, written
 * only by {@link OrganizationTree} from the organization service's topics. The organization service has no such table
 * (it answers from its own), so it never reads this entity.
 */
@Entity
@Table(name = "org_ref")
public class OrgRef {
    /** Cells (chi bộ cơ sở, chi bộ trực thuộc): where meetings are held and households followed. */
    public static final Set<String> CELLS = Set.of("GRASSROOTS_CELL", "SUBORDINATE_CELL");
    /** Where members are active: cells and party groups (tổ đảng). */
    public static final Set<String> MEMBER_HOLDING = Set.of("GRASSROOTS_CELL", "SUBORDINATE_CELL", "PARTY_GROUP");
    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;
    @Column(name = "parent_id")
    public UUID parentId;
    public String path;
    public int depth;
    public String type;
    public String sector;
    public String status;
    public String name;
    public long version;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean isCell() {
        return CELLS.contains(type);
    }

    public boolean holdsMembers() {
        return MEMBER_HOLDING.contains(type);
    }

    /** True when {@code other} is this organization or lies below it. */
    public boolean contains(OrgRef other) {
        return other.path.startsWith(path);
    }
}
