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

/** A candidate for admission (quần chúng ưu tú) and how far the admission pipeline has come. */
@Entity
@Table(name = "candidate")
public class Candidate {
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
    @Column(name = "organization_id")
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    public AdmissionStep stage;
    @Column(name = "member_id")
    public UUID memberId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
