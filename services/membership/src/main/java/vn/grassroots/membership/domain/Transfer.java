package vn.grassroots.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.persistence.Versioned;

/** A transfer of a member's Party activities (chuyển sinh hoạt đảng) with its introduction letter. */
@Entity
@Table(name = "transfer")
public class Transfer extends Versioned {
    public enum Kind { OFFICIAL, TEMPORARY }

    public enum Status { PENDING, ACCEPTED }

    @Id
    public UUID id;
    @Column(name = "member_id")
    public UUID memberId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "from_organization_id")
    public UUID fromOrganizationId;
    @Column(name = "to_organization_id")
    public UUID toOrganizationId;
    @Column(name = "letter_number")
    public String letterNumber;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "end_date")
    public LocalDate endDate;
    public String reason;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "accepted_on")
    public LocalDate acceptedOn;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "accepted_by")
    public String acceptedBy;
}
