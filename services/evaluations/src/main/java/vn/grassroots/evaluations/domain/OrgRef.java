package vn.grassroots.evaluations.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An organization as the organization service last described it (read model; written only by the consumers). */
@Entity
@Table(name = "org_ref")
public class OrgRef {
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

    /** Cells and party groups hold members; committees hold organizations. */
    public boolean isCell() {
        return "GRASSROOTS_CELL".equals(type) || "SUBORDINATE_CELL".equals(type);
    }
}
