package vn.grassroots.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

/**
 * A Party member (đảng viên). The status changes only through MemberService's explicit operations, by the rules of
 * {@link #checkStatusChange} and {@link #applyStatusChange}.
 */
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

    public LocalDate probationEndsOn() {
        return admissionDate.plusMonths(PROBATION_MONTHS);
    }

    /** Whether a change from {@code from} to {@code to} is the official recognition at the end of probation. */
    public static boolean isRecognition(MemberStatus from, MemberStatus to) {
        return from == MemberStatus.PROBATIONARY && to == MemberStatus.OFFICIAL;
    }

    /**
     * The rules of registering a member beyond its field constraints (initial status, official date, probation,
     * admission after birth); the CSV import applies the same ones to every row.
     */
    public static void checkRegistration(MemberStatus status, LocalDate birthDate, LocalDate admissionDate, LocalDate officialDate) {
        if (status != MemberStatus.PROBATIONARY && status != MemberStatus.OFFICIAL && status != MemberStatus.EXEMPT) {
            throw ProblemException.unprocessable("invalid-initial-status", "a member is registered as PROBATIONARY, OFFICIAL or EXEMPT;"
                    + " other statuses come from their operations", new FieldError("status", "must be PROBATIONARY, OFFICIAL or EXEMPT"));
        }
        if (status == MemberStatus.PROBATIONARY && officialDate != null) {
            throw ProblemException.unprocessable("probationary-with-official-date", "a probationary member has no official date yet",
                    new FieldError("officialDate", "must be absent for a PROBATIONARY member"));
        }
        if (status != MemberStatus.PROBATIONARY) {
            if (officialDate == null) {
                throw ProblemException.invalid("officialDate", "is required for an " + status + " member");
            }
            if (officialDate.isBefore(admissionDate.plusMonths(PROBATION_MONTHS))) {
                throw ProblemException.unprocessable("probation-too-short", "official membership starts 12 months after admission at the earliest",
                        new FieldError("officialDate", "must be at least 12 months after admissionDate"));
            }
        }
        if (!birthDate.isBefore(admissionDate)) {
            throw ProblemException.unprocessable("admission-before-birth", "the admission date must follow the birth date",
                    new FieldError("admissionDate", "must be after birthDate"));
        }
    }

    /**
     * Refuses a change of this member's status to {@code to} by a decision of {@code decisionDate}, {@code today} being
     * the day in Vietnam: a change {@link MemberStatus#next()} does not allow (409), a decision in the future (400) or
     * before the current status (422), an official recognition before probation is over (409).
     */
    public void checkStatusChange(MemberStatus to, LocalDate decisionDate, LocalDate today) {
        MemberStatus from = status;
        if (!from.next().contains(to)) {
            throw ProblemException.conflict("invalid-status-change", "a " + from + " member cannot become " + to
                    + (from.next().isEmpty() ? "; " + from + " is final" : "; allowed: " + from.next()));
        }
        if (decisionDate.isAfter(today)) {
            throw ProblemException.invalid("decision.date", "must not be in the future");
        }
        if (decisionDate.isBefore(statusSince)) {
            throw ProblemException.unprocessable("decision-before-status", "the decision predates the current status (since "
                    + statusSince + ")", new FieldError("decision.date", "must not be before " + statusSince));
        }
        if (isRecognition(from, to) && decisionDate.isBefore(probationEndsOn())) {
            throw ProblemException.conflict("probation-not-over", "probation lasts 12 months from admission (" + admissionDate
                    + "): official recognition is possible from " + probationEndsOn());
        }
    }

    /**
     * Applies a change {@link #checkStatusChange} allowed: the new status and the day it holds from (official membership
     * counts from the end of probation, any other status from its decision). True when it is the official recognition.
     */
    public boolean applyStatusChange(MemberStatus to, LocalDate decisionDate) {
        boolean recognition = isRecognition(status, to);
        status = to;
        if (recognition) {
            // official membership counts from the end of probation (Điều lệ Đảng: tuổi đảng tính từ ngày công nhận chính thức)
            officialDate = probationEndsOn();
            statusSince = officialDate;
        } else {
            statusSince = decisionDate;
        }
        return recognition;
    }
}
