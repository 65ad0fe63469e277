package vn.grassroots.evaluations.domain;

/**
 * Where a rating stands: self-assessed (tự đánh giá) → proposed (đề xuất) → decided (quyết định, final). A proposal
 * sent back returns the rating to self-assessment; a decision step sent back returns it to the proposal.
 */
public enum RatingState {
    SELF_ASSESSED, SELF_ASSESSMENT_RETURNED, PROPOSED, PROPOSAL_RETURNED, DECIDED
}
