package vn.grassroots.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A Party member (đảng viên). The status changes only through MemberService's explicit operations. */
@Entity
@Table(name = "member")
public class Member extends Person {
    /** Probation (thời gian dự bị) lasts 12 months from admission. */
    public static final int PROBATION_MONTHS = 12;

    @Column(name = "party_card_number")
    public String partyCardNumber;
    @Column(name = "admission_date")
    public LocalDate admissionDate;
    @Column(name = "official_date")
    public LocalDate officialDate;
    @Column(name = "organization_id")
    public UUID organizationId;
    /** The path of the organization, a copy the database keeps (V9): a subtree's lists filter on it in their index. */
    @Column(name = "org_path", insertable = false, updatable = false)
    public String orgPath;
    @Enumerated(EnumType.STRING)
    public MemberStatus status;
    @Column(name = "status_since")
    public LocalDate statusSince;
    @Column(name = "candidate_id")
    public UUID candidateId;
    /** Set while an official transfer is pending: the member is in transit and counted by neither side. */
    @Column(name = "in_transit_transfer_id")
    public UUID inTransitTransferId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public LocalDate probationEndsOn() {
        return admissionDate.plusMonths(PROBATION_MONTHS);
    }
}
