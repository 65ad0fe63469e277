package vn.grassroots.organization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;

/** A Party organization (tổ chức đảng), a node of the tree. */
@Entity
@Table(name = "organization")
public class Organization {
    @Id
    public UUID id;
    @Column(name = "parent_id")
    public UUID parentId;
    /** "/<root id>/…/<own id>/", maintained by the service, rewritten for a whole subtree on a move. */
    public String path;
    public int depth;
    @Enumerated(EnumType.STRING)
    public OrganizationType type;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    @Enumerated(EnumType.STRING)
    public OrganizationStatus status;
    public String name;
    @Column(name = "search_name")
    public String searchName;
    public String code;
    public String address;
    @Column(name = "founded_on")
    public LocalDate foundedOn;
    @Column(name = "founding_decision_number")
    public String foundingDecisionNumber;
    @Column(name = "founding_decision_date")
    public LocalDate foundingDecisionDate;
    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;
    @Column(name = "dissolution_decision_number")
    public String dissolutionDecisionNumber;
    @Column(name = "dissolution_decision_date")
    public LocalDate dissolutionDecisionDate;
    @Column(name = "dissolution_reason")
    public String dissolutionReason;
    @Column(name = "merged_into_id")
    public UUID mergedIntoId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public boolean isActive() {
        return status == OrganizationStatus.ACTIVE;
    }

    public static String childPath(String parentPath, UUID id) {
        return (parentPath == null ? "/" : parentPath) + id + "/";
    }

    public void end(OrganizationStatus newStatus, Decision decision, String reason) {
        status = newStatus;
        dissolvedOn = decision.date();
        dissolutionDecisionNumber = decision.number();
        dissolutionDecisionDate = decision.date();
        dissolutionReason = reason;
    }
}
