package vn.grassroots.evaluations.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.grassroots.common.problem.ProblemException;

/** The rating workflow's transitions and who may decide, without a database. */
class RatingWorkflowTest {

    private static ProblemException refused(int status, String slug, String message, Executable step) {
        ProblemException e = assertThrows(ProblemException.class, step);
        assertEquals(status, e.status());
        assertEquals(slug, e.slug());
        assertEquals(message, e.getMessage());
        return e;
    }

    @Test
    void theSelfAssessmentChangesOnlyBeforeTheProposalOrWhenSentBack() {
        assertDoesNotThrow(() -> RatingWorkflow.requireSelfAssessmentOpen(RatingState.SELF_ASSESSED));
        assertDoesNotThrow(() -> RatingWorkflow.requireSelfAssessmentOpen(RatingState.SELF_ASSESSMENT_RETURNED));
        for (RatingState s : new RatingState[] {RatingState.PROPOSED, RatingState.PROPOSAL_RETURNED, RatingState.DECIDED}) {
            refused(409, "self-assessment-closed", "the rating is " + s
                    + ": the self-assessment can change only before the proposal, or when the proposal step sent it back",
                    () -> RatingWorkflow.requireSelfAssessmentOpen(s));
        }
    }

    @Test
    void theProposalFollowsAStandingSelfAssessment() {
        assertDoesNotThrow(() -> RatingWorkflow.requireProposable(RatingState.SELF_ASSESSED, null));
        assertDoesNotThrow(() -> RatingWorkflow.requireProposable(RatingState.PROPOSED, null));
        assertDoesNotThrow(() -> RatingWorkflow.requireProposable(RatingState.PROPOSAL_RETURNED, "why"));
        refused(409, "self-assessment-missing", "the self-assessment was sent back (too short) and has not been made again",
                () -> RatingWorkflow.requireProposable(RatingState.SELF_ASSESSMENT_RETURNED, "too short"));
        refused(409, "already-decided", "the rating is decided, which is final",
                () -> RatingWorkflow.requireProposable(RatingState.DECIDED, null));
    }

    @Test
    void theDecisionFollowsAProposalAndIsFinal() {
        assertDoesNotThrow(() -> RatingWorkflow.requireDecidable(RatingState.PROPOSED));
        refused(409, "self-assessment-missing",
                "the self-assessment was sent back and has not been made again; the decision follows it and the proposal",
                () -> RatingWorkflow.requireDecidable(RatingState.SELF_ASSESSMENT_RETURNED));
        for (RatingState s : new RatingState[] {RatingState.SELF_ASSESSED, RatingState.PROPOSAL_RETURNED}) {
            refused(409, "proposal-missing", "there is no proposal of the cell or committee yet: the decision follows it",
                    () -> RatingWorkflow.requireDecidable(s));
        }
        refused(409, "already-decided", "the rating is decided, which is final",
                () -> RatingWorkflow.requireDecidable(RatingState.DECIDED));
    }

    @Test
    void sendingBackReturnsToTheStepBefore() {
        assertEquals(RatingState.PROPOSAL_RETURNED, RatingWorkflow.sendBack(RatingState.PROPOSED));
        assertTrue(RatingWorkflow.sendBackIsTheDecidersAct(RatingState.PROPOSED));
        assertEquals(RatingState.SELF_ASSESSMENT_RETURNED, RatingWorkflow.sendBack(RatingState.SELF_ASSESSED));
        assertFalse(RatingWorkflow.sendBackIsTheDecidersAct(RatingState.SELF_ASSESSED));
        assertEquals(RatingState.SELF_ASSESSMENT_RETURNED, RatingWorkflow.sendBack(RatingState.PROPOSAL_RETURNED));
        assertFalse(RatingWorkflow.sendBackIsTheDecidersAct(RatingState.PROPOSAL_RETURNED));
        refused(409, "already-decided", "the rating is decided, which is final",
                () -> RatingWorkflow.sendBack(RatingState.DECIDED));
        refused(409, "already-sent-back", "the self-assessment was already sent back",
                () -> RatingWorkflow.sendBack(RatingState.SELF_ASSESSMENT_RETURNED));
    }

    @Test
    void theDecisionBelongsToAStrictlyHigherOrganization() {
        assertDoesNotThrow(() -> RatingWorkflow.requireSuperior(true, null, "/a/b/", "Cell B"));
        assertDoesNotThrow(() -> RatingWorkflow.requireSuperior(false, "/a/", "/a/b/", "Cell B"));
        refused(403, "decider-not-superior",
                "the decision on a rating in Cell B belongs to a superior organization; Cell B itself may only propose",
                () -> RatingWorkflow.requireSuperior(false, "/a/b/", "/a/b/", "Cell B"));
    }
}
