package vn.grassroots.evaluations.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.web.Versioned;
import vn.grassroots.evaluations.domain.Inputs;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.domain.Rating;
import vn.grassroots.evaluations.domain.SubjectType;

/**
 * What the services answer, as the API shows it. The services build these straight from their SQL rows (and the audit
 * trail records them), so they are the services' own results rather than views mapped in {@code api}.
 */
public final class Results {
    private Results() {}

    @Schema(name = "Cycle", description = "Đợt đánh giá, xếp loại chất lượng: a year, a scope (subtree) and a policy")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CycleView(UUID id, int year, String name, UUID scopeOrganizationId, String scopeOrganizationName, UUID policyId,
            String policyCode, @Schema(enumeration = {"OPEN", "CLOSED"}) String state, Instant openedAt, String openedBy,
            Instant closedAt, String closedBy, long ratings, long version) implements Versioned {}

    @Schema(name = "Step", description = "Who did a step of the workflow and when")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String level, String levelName, String note, String by, Instant at) {}

    @Schema(name = "SelfAssessment", description = "Tự đánh giá: scores per criteria group and a text")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SelfAssessment(Map<String, BigDecimal> scores, BigDecimal total,
            @Schema(description = "The level whose score band holds the total (none for policies without bands)") String bandLevel,
            String text, String by, Instant at) {}

    @Schema(name = "BulkRatingResult", description = "What a bulk call recorded: the items and the steps taken")
    public record BulkResult(int items, int selfAssessed, int proposed, int decided) {}

    @Schema(name = "Rating", description = "Xếp loại chất lượng of a member or an organization in a cycle, with its workflow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RatingView(UUID id, UUID cycleId, int year,
            @Schema(enumeration = {"MEMBER", "ORGANIZATION"}) String subjectType, UUID subjectId, String subjectName,
            UUID organizationId, String organizationType, String sector,
            @Schema(enumeration = {"SELF_ASSESSED", "SELF_ASSESSMENT_RETURNED", "PROPOSED", "PROPOSAL_RETURNED", "DECIDED"}) String state,
            SelfAssessment selfAssessment, Inputs inputs, Step proposal, Step decision, Step sentBack, long version) implements Versioned {

        /** The view of a rating; {@code live} replaces the inputs stored at the self-assessment when given. */
        public static RatingView of(Rating r, PolicyDocument policy, Inputs live) {
            var band = policy.band(r.type(), r.total()).map(PolicyDocument.Level::code).orElse(null);
            SelfAssessment self = r.selfAt() == null ? null
                    : new SelfAssessment(r.scores(), r.total(), band, r.text(), r.selfBy(), r.selfAt());
            Step proposal = r.proposedAt() == null ? null
                    : new Step(r.proposedLevel(), levelName(policy, r.type(), r.proposedLevel()), r.proposalNote(), r.proposedBy(), r.proposedAt());
            Step decision = r.decidedAt() == null ? null
                    : new Step(r.decidedLevel(), levelName(policy, r.type(), r.decidedLevel()), r.decisionNote(), r.decidedBy(), r.decidedAt());
            Step sentBack = r.sentBackAt() == null ? null : new Step(null, null, r.sentBackReason(), r.sentBackBy(), r.sentBackAt());
            return new RatingView(r.id(), r.cycleId(), r.year(), r.type().name(), r.subjectId(), r.subjectName(), r.orgId(), r.orgType(),
                    r.sector(), r.state().name(), self, live != null ? live : r.inputs(), proposal, decision, sentBack, r.version());
        }

        private static String levelName(PolicyDocument p, SubjectType t, String code) {
            return code == null ? null : p.level(t, code).map(PolicyDocument.Level::name).orElse(code);
        }
    }

    @Schema(name = "LevelCount", description = "How many were rated at one level, and their share of all rated")
    public record LevelCount(String level, String levelName, long count, BigDecimal percent) {}

    @Schema(name = "GroupSummary", description = "Counts per level of one group (an organization type or a sector)")
    public record Group(String group, long total, List<LevelCount> levels) {}

    @Schema(name = "SubjectSummary", description = "Counts per level for members or organizations, overall, by organization type and by sector")
    public record SubjectSummary(String subjectType, long total, List<LevelCount> levels, List<Group> byType, List<Group> bySector) {}

    @Schema(name = "ReportSummary", description = "Kết quả đánh giá, xếp loại of a subtree and year, with the sentences provincial reports use")
    public record Summary(UUID organizationId, int year, UUID cycleId, SubjectSummary organizations,
            @Schema(description = "Grassroots organizations only (GRASSROOTS_COMMITTEE, GRASSROOTS_CELL): tổ chức cơ sở đảng") Group grassrootsOrganizations,
            SubjectSummary members, List<String> statements) {}

    @Schema(name = "YearComparison", description = "So sánh qua các năm: counts and shares per level, and the change in percentage points from the year before")
    public record YearRow(int year, String subjectType, String level, long count, BigDecimal percent, BigDecimal changePoints) {}

    @Schema(name = "RatedItem", description = "One decided rating behind a number of a report")
    public record RatedItem(UUID ratingId, String subjectType, UUID subjectId, String subjectName, UUID organizationId,
            String organizationType, String sector, String level, Instant decidedAt, String decidedBy) {}

    @Schema(name = "Recognition", description = "Công nhận chi bộ 4 tốt / đảng bộ cơ sở 4 tốt")
    public record RecognitionView(UUID id, UUID cycleId, UUID organizationId, String organizationName,
            @Schema(enumeration = {"MODEL_CELL", "MODEL_GRASSROOTS_COMMITTEE"}) String title, String titleName, String note,
            String recognizedBy, Instant recognizedAt) {}

    @Schema(name = "Inspection", description = "Kiểm tra chuyên đề of a cell: planned, then its result recorded")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InspectionView(UUID id, UUID cycleId, UUID organizationId, String organizationName, String topic, LocalDate plannedOn,
            @Schema(enumeration = {"PLANNED", "DONE"}) String state, LocalDate inspectedOn, String result, String findings,
            String plannedBy, String recordedBy, Instant recordedAt, long version) implements Versioned {}

    @Schema(name = "InspectionCoverage", description = "Share of the cells of a subtree inspected (kiểm tra chuyên đề) before the decision on their rating; the goal is 100%")
    public record Coverage(UUID cycleId, UUID organizationId, long cells, long planned, long inspected,
            long inspectedBeforeDecision, BigDecimal percent) {}
}
