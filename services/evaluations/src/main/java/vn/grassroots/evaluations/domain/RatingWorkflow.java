package vn.grassroots.evaluations.domain;

import vn.grassroots.common.problem.ProblemException;

/**
 * Which step of a rating may follow which, over {@link RatingState}: the self-assessment changes only before the
 * proposal (or when sent back to it), the proposal follows a self-assessment, the decision follows a proposal and is
 * final; a step sent back returns the rating to the step before. Who may act is decided here where it needs no more
 * than plain values: the decider belongs to a strictly higher organization than the rated one.
 */
public final class RatingWorkflow {
    private RatingWorkflow() {}

    /** A self-assessment may be made again over an existing rating only before the proposal, or when sent back to it. */
    public static void requireSelfAssessmentOpen(RatingState state) {
        if (state != RatingState.SELF_ASSESSED && state != RatingState.SELF_ASSESSMENT_RETURNED) {
            throw ProblemException.conflict("self-assessment-closed", "the rating is " + state
                    + ": the self-assessment can change only before the proposal, or when the proposal step sent it back");
        }
    }

    /** The proposal follows a self-assessment that stands; a decided rating is final. */
    public static void requireProposable(RatingState state, String sentBackReason) {
        if (state == RatingState.SELF_ASSESSMENT_RETURNED) {
            throw ProblemException.conflict("self-assessment-missing", "the self-assessment was sent back (" + sentBackReason
                    + ") and has not been made again");
        }
        if (state == RatingState.DECIDED) {
            throw ProblemException.conflict("already-decided", "the rating is decided, which is final");
        }
    }

    /** The decision follows the self-assessment and the proposal; a decided rating is final. */
    public static void requireDecidable(RatingState state) {
        switch (state) {
            case SELF_ASSESSMENT_RETURNED -> throw ProblemException.conflict("self-assessment-missing",
                    "the self-assessment was sent back and has not been made again; the decision follows it and the proposal");
            case SELF_ASSESSED, PROPOSAL_RETURNED -> throw ProblemException.conflict("proposal-missing",
                    "there is no proposal of the cell or committee yet: the decision follows it");
            case DECIDED -> throw ProblemException.conflict("already-decided", "the rating is decided, which is final");
            default -> { }
        }
    }

    /**
     * Where sending a step back leads: a proposed rating back to the proposal ({@link RatingState#PROPOSAL_RETURNED},
     * by the decider), a self-assessed one back to the self-assessment ({@link RatingState#SELF_ASSESSMENT_RETURNED}, by
     * the cell or committee). A decision is final, and a self-assessment sent back cannot be sent back again.
     */
    public static RatingState sendBack(RatingState state) {
        return switch (state) {
            case PROPOSED -> RatingState.PROPOSAL_RETURNED;
            case SELF_ASSESSED, PROPOSAL_RETURNED -> RatingState.SELF_ASSESSMENT_RETURNED;
            case DECIDED -> throw ProblemException.conflict("already-decided", "the rating is decided, which is final");
            default -> throw ProblemException.conflict("already-sent-back", "the self-assessment was already sent back");
        };
    }

    /** Whether sending back from this state is the decider's act (else the cell's or committee's). */
    public static boolean sendBackIsTheDecidersAct(RatingState state) {
        return state == RatingState.PROPOSED;
    }

    /**
     * The decider's scope is strictly above the rated organization: a caller whose scope is exactly the rated
     * organization (its own cell) may only propose. {@code all} is a scope over everything.
     */
    public static void requireSuperior(boolean all, String scopePrefix, String orgPath, String orgName) {
        if (!all && scopePrefix.equals(orgPath)) {
            throw new ProblemException(403, "decider-not-superior", "Forbidden", "the decision on a rating in " + orgName
                    + " belongs to a superior organization; " + orgName + " itself may only propose");
        }
    }
}
