package vn.grassroots.meetings.domain;

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
    public static final Set<String> CELL_TYPES = Set.of("GRASSROOTS_CELL", "SUBORDINATE_CELL");
    @Id
    public UUID id;
    @Column(name = "parent_id")
    public UUID parentId;
    public String path;
    public int depth;
    public String type;
    public String status;
    public String name;
    public long version;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
