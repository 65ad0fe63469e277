package vn.grassroots.membership.domain;

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

/** A Party member (đảng viên). The status changes only through MemberService's explicit operations. */
@Entity
@Table(name = "member")
public class Member {
    /** Probation (thời gian dự bị) lasts 12 months from admission. */
    public static final int PROBATION_MONTHS = 12;

    @Id
    public UUID id;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "search_name")
    public String searchName;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    public String ethnicity;
    public String religion;
    @Column(name = "citizen_id")
    public String citizenId;
    public String phone;
    public String email;
    @Column(name = "home_town")
    public String homeTown;
    @Column(name = "education_level")
    public String educationLevel;
    @Enumerated(EnumType.STRING)
    @Column(name = "theory_level")
    public TheoryLevel theoryLevel;
    public String occupation;
    @Column(name = "party_card_number")
    public String partyCardNumber;
    @Column(name = "admission_date")
    public LocalDate admissionDate;
    @Column(name = "official_date")
    public LocalDate officialDate;
    @Column(name = "organization_id")
    public UUID organizationId;
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
