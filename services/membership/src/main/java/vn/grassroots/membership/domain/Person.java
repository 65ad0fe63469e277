package vn.grassroots.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.persistence.Versioned;

/** The personal record a candidate and a member share (same columns in both tables). */
@MappedSuperclass
public abstract class Person extends Versioned {
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
}
