package vn.grassroots.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

/** The order of the admission steps and what each needs, without PostgreSQL or Kafka. */
class AdmissionStepsTest {
    static Candidate at(AdmissionStep stage) {
        Candidate c = new Candidate();
        c.stage = stage;
        return c;
    }

    @Test
    void stepsFollowInOrder() {
        assertEquals(AdmissionStep.AWARENESS_COURSE_COMPLETED, AdmissionStep.CANDIDATE.following());
        assertEquals(AdmissionStep.APPLIED, AdmissionStep.AWARENESS_COURSE_COMPLETED.following());
        assertEquals(AdmissionStep.CELL_VOTED, AdmissionStep.APPLIED.following());
        assertEquals(AdmissionStep.SUPERIOR_APPROVED, AdmissionStep.CELL_VOTED.following());
        assertEquals(AdmissionStep.ADMITTED, AdmissionStep.SUPERIOR_APPROVED.following());
        assertNull(AdmissionStep.ADMITTED.following());
    }

    @Test
    void theFollowingStepIsAllowedWithItsDecisionNumber() {
        for (AdmissionStep stage : AdmissionStep.values()) {
            if (stage.following() != null) {
                at(stage).checkNextStep(stage.following(), "12-NQ/CB");
            }
        }
        at(AdmissionStep.CANDIDATE).checkNextStep(AdmissionStep.AWARENESS_COURSE_COMPLETED, null);
        at(AdmissionStep.AWARENESS_COURSE_COMPLETED).checkNextStep(AdmissionStep.APPLIED, " ");
    }

    @Test
    void everyOtherStepIsRefused() {
        for (AdmissionStep stage : AdmissionStep.values()) {
            for (AdmissionStep step : AdmissionStep.values()) {
                if (step == stage.following() && step != AdmissionStep.CANDIDATE) {
                    continue;
                }
                ProblemException e = assertThrows(ProblemException.class, () -> at(stage).checkNextStep(step, "1"));
                assertEquals(409, e.status());
                assertEquals("step-out-of-order", e.slug());
                assertEquals(stage == AdmissionStep.ADMITTED ? "the candidate is already admitted"
                        : "the next step for this candidate is " + stage.following() + ", not " + step
                                + " (order: AWARENESS_COURSE_COMPLETED, APPLIED, CELL_VOTED, SUPERIOR_APPROVED, ADMITTED)",
                        e.getMessage());
            }
        }
    }

    @Test
    void decisionsNeedTheirNumber() {
        for (AdmissionStep step : List.of(AdmissionStep.CELL_VOTED, AdmissionStep.SUPERIOR_APPROVED, AdmissionStep.ADMITTED)) {
            AdmissionStep stage = AdmissionStep.values()[step.ordinal() - 1];
            for (String missing : new String[] {null, "", "  "}) {
                ProblemException e = assertThrows(ProblemException.class, () -> at(stage).checkNextStep(step, missing));
                assertEquals(400, e.status());
                assertEquals("validation", e.slug());
                assertEquals("decisionNumber: is required for " + step, e.getMessage());
            }
        }
    }

    @Test
    void aStepIsNotDatedBeforeThePreviousOne() {
        LocalDate last = LocalDate.of(2025, 5, 10);
        Candidate.checkStepDate(last, null);
        Candidate.checkStepDate(last, last);
        Candidate.checkStepDate(last.plusDays(1), last);
        ProblemException e = assertThrows(ProblemException.class, () -> Candidate.checkStepDate(last.minusDays(1), last));
        assertEquals(422, e.status());
        assertEquals("step-date-before-previous", e.slug());
        assertEquals("a step cannot be dated before the previous one (2025-05-10)", e.getMessage());
        assertEquals(List.of(new FieldError("date", "must not be before 2025-05-10")), e.errors());
    }
}
