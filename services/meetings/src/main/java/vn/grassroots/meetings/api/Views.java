package vn.grassroots.meetings.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Response bodies the resources build themselves; the views of what the services return are in {@link MeetingViews}
 * and {@link ComplianceViews}.
 */
public final class Views {
    private Views() {}

    @Schema(name = "QualityCriterion", description = "A criterion of the configured set (tiêu chí) and its maximum points")
    public record Criterion(String code, int maxScore) {}
}
