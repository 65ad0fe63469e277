package vn.grassroots.assignments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.UUID;

/** This service's read model of an organization, kept from the organization service's events; read-only here. */
@Entity
@Table(name = "org_ref")
public class OrgRef {
    public static final Set<String> GRASSROOTS = Set.of("GRASSROOTS_COMMITTEE", "GRASSROOTS_CELL");
    public static final Set<String> CELLS = Set.of("GRASSROOTS_CELL", "SUBORDINATE_CELL");
    /** Organizations whose committee decides assignments at the district level (cấp huyện và tương đương). */
    public static final Set<String> DISTRICT_LEVEL = Set.of("DISTRICT_COMMITTEE", "AFFILIATED_COMMITTEE");

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
        return "ACTIVE".equals(status);
    }

    public boolean isCell() {
        return CELLS.contains(type);
    }

    /** The level an assignment decided by this organization's committee has. */
    public Level level() {
        if ("PROVINCIAL_COMMITTEE".equals(type)) {
            return Level.PROVINCIAL;
        }
        return DISTRICT_LEVEL.contains(type) ? Level.DISTRICT : Level.GRASSROOTS;
    }

    /** True when {@code other} is this organization or lies below it. */
    public boolean contains(OrgRef other) {
        return other.path.startsWith(path);
    }
}
