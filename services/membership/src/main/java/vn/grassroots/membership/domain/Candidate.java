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

/** A candidate for admission (quần chúng ưu tú) and how far the admission pipeline has come. */
@Entity
@Table(name = "candidate")
public class Candidate extends Person {
    @Column(name = "organization_id")
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    public AdmissionStep stage;
    @Column(name = "member_id")
    public UUID memberId;

    /**
     * Refuses recording {@code step} next: a step out of the pipeline's order (409), a step that needs a decision
     * number without one (400).
     */
    public void checkNextStep(AdmissionStep step, String decisionNumber) {
        AdmissionStep expected = stage.following();
        if (step == AdmissionStep.CANDIDATE || step != expected) {
            throw ProblemException.conflict("step-out-of-order", expected == null
                    ? "the candidate is already admitted"
                    : "the next step for this candidate is " + expected + ", not " + step
                            + " (order: AWARENESS_COURSE_COMPLETED, APPLIED, CELL_VOTED, SUPERIOR_APPROVED, ADMITTED)");
        }
        if (step.needsDecisionNumber() && (decisionNumber == null || decisionNumber.isBlank())) {
            throw ProblemException.invalid("decisionNumber", "is required for " + step);
        }
    }

    /** Refuses (422) a step dated before the previous step's date {@code last} (null before any step). */
    public static void checkStepDate(LocalDate date, LocalDate last) {
        if (last != null && date.isBefore(last)) {
            throw ProblemException.unprocessable("step-date-before-previous", "a step cannot be dated before the previous one (" + last + ")",
                    new FieldError("date", "must not be before " + last));
        }
    }
}
