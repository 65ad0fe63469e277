package vn.grassroots.membership.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.membership.domain.AdmissionStep;
import vn.grassroots.membership.domain.DisciplineForm;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.TheoryLevel;
import vn.grassroots.membership.domain.TrainingKind;
import vn.grassroots.membership.domain.Transfer;

/**
 * What the membership services answer, built from rows and entities inside their transactions. Plain records: api maps
 * them to its views; the audit trail keeps some of them as before and after states, so their components (names and
 * order) are those of the views and stay as they are.
 */
public final class Results {
    private Results() {}

    /** A member as the caller may see them: citizenId already masked where the caller may not read it. */
    public record MemberState(UUID id, String fullName, LocalDate birthDate, Gender gender, String ethnicity, String religion,
            String citizenId, String phone, String email, String homeTown, String educationLevel, TheoryLevel theoryLevel,
            String occupation, String partyCardNumber, LocalDate admissionDate, LocalDate officialDate, LocalDate probationEndsOn,
            UUID organizationId, String organizationName, MemberStatus status, LocalDate statusSince, boolean inTransit,
            UUID candidateId, long version, Instant createdAt, Instant updatedAt) {}

    /** A recorded step of the admission pipeline. */
    public record Step(AdmissionStep step, LocalDate date, String decisionNumber, String note, String recordedBy,
            Instant recordedAt) {}

    /** A candidate and the steps recorded so far: citizenId already masked where the caller may not read it. */
    public record CandidateState(UUID id, String fullName, LocalDate birthDate, Gender gender, String ethnicity, String religion,
            String citizenId, String phone, String email, String homeTown, String educationLevel, TheoryLevel theoryLevel,
            String occupation, UUID organizationId, String organizationName, AdmissionStep stage, AdmissionStep nextStep,
            List<Step> steps, UUID memberId, long version, Instant createdAt, Instant updatedAt) {}

    /** A transfer with the names of its member and organizations. */
    public record TransferState(UUID id, UUID memberId, String memberName, Transfer.Kind kind, UUID fromOrganizationId,
            String fromOrganizationName, UUID toOrganizationId, String toOrganizationName, String introductionLetterNumber,
            LocalDate issuedOn, LocalDate endDate, String reason, Transfer.Status status, LocalDate acceptedOn, String issuedBy,
            String acceptedBy, boolean activeInHost, long version) {}

    public record TrainingRecord(UUID id, UUID memberId, TrainingKind kind, String level, String institution,
            LocalDate startedOn, LocalDate completedOn, String certificateNumber, String recordedBy, Instant recordedAt) {}

    public record DisciplineRecord(UUID id, UUID memberId, DisciplineForm form, LocalDate decidedOn, String decisionNumber,
            String authority, String reason, String recordedBy, Instant recordedAt) {}

    /** Counts of a subtree; the breakdowns count current members, byStatus everyone ever registered. */
    public record Statistics(UUID organizationId, LocalDate asOf, long members, Map<String, Long> byStatus,
            Map<String, Long> byGender, Map<String, Long> byAgeBand, Map<String, Long> byEthnicity,
            Map<String, Long> byTheoryLevel, List<AdmissionYear> admissions) {}

    /** Admissions of one year against the members at its start and the band provinces set. */
    public record AdmissionYear(int year, long admitted, long membersAtStart, BigDecimal ratePercent, BigDecimal targetMinPercent,
            BigDecimal targetMaxPercent, boolean targetReached, String targetPosition) {}

    /** A member due a party badge in the year asked. */
    public record Badge(UUID memberId, String fullName, UUID organizationId, String organizationName, LocalDate admissionDate,
            int years, MemberStatus status) {}

    /** An unexcused absence, as the meetings service reported it. */
    public record Absence(UUID meetingId, UUID organizationId, String month, LocalDate meetingDate, Instant receivedAt) {}

    /** A member flagged for removal review in a year, with the months and the absences as evidence. */
    public record RemovalReview(UUID memberId, String fullName, UUID organizationId, String organizationName,
            MemberStatus status, int year, List<String> months, List<Absence> absences, Instant flaggedAt) {}
}
