package vn.grassroots.membership.domain;

/**
 * The admission pipeline (phát triển đảng viên), in order: a candidate (quần chúng ưu tú) completes the course on
 * awareness of the Party, applies, the cell votes, the superior committee decides, and the candidate is admitted
 * as a probationary member.
 */
public enum AdmissionStep {
    CANDIDATE, AWARENESS_COURSE_COMPLETED, APPLIED, CELL_VOTED, SUPERIOR_APPROVED, ADMITTED;

    /** The step that may follow this one, or null after admission. */
    public AdmissionStep following() {
        return this == ADMITTED ? null : values()[ordinal() + 1];
    }

    /** Steps whose record needs a decision number (resolution of the cell, decision of the committee). */
    public boolean needsDecisionNumber() {
        return this == CELL_VOTED || this == SUPERIOR_APPROVED || this == ADMITTED;
    }
}
