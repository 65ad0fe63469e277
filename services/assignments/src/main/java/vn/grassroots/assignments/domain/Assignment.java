package vn.grassroots.assignments.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A monitoring assignment (phân công theo dõi, phụ trách): a person follows an organization or a household. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public UUID targetId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "deciding_organization_id")
    public UUID decidingOrganizationId;
    public String level;
    public String role;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "decision_date")
    public LocalDate decisionDate;
    public String note;
    public String status;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public long version;
}
