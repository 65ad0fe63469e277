package vn.grassroots.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** This service's read model of an organization, kept from the organization service's events; read-only here. */
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
    public String status;
    public String name;
    public long version;

    public boolean holdsMembers() {
        return OrgTypes.MEMBER_HOLDING.contains(type);
    }

    public boolean isActive() {
        return OrgTypes.ACTIVE.equals(status);
    }
}
