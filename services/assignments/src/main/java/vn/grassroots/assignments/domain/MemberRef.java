package vn.grassroots.assignments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.UUID;

/** This service's read model of a member, kept from the membership service's topics; read-only here. */
@Entity
@Table(name = "member_ref")
public class MemberRef {
    /** Statuses of a member who takes part in the Party's work; the others have left it or are exempt. */
    public static final Set<String> ACTIVE = Set.of("PROBATIONARY", "OFFICIAL");
    /** Statuses by which a person leaves the Party's work for good: their assignments end. */
    public static final Set<String> LEFT = Set.of("TRANSFERRED_OUT", "REMOVED", "EXPELLED", "DECEASED");

    @Id
    public UUID id;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "organization_id")
    public UUID organizationId;
    public String status;
    public long version;

    public boolean isActive() {
        return ACTIVE.contains(status);
    }
}
