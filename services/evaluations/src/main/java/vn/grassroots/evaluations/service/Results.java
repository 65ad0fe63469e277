package vn.grassroots.evaluations.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.evaluations.domain.Inputs;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.domain.Rating;
import vn.grassroots.evaluations.domain.SubjectType;

/**
 * What the services answer, built straight from their SQL rows. The audit trail records them as the before and after
 * states, so their fields (names, order, nulls left out) are that JSON; {@code api} maps them to its views.
 */
public final class Results {
    private Results() {}

    /** A cycle with its scope's name, its policy's code and the number of ratings made in it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CycleResult(UUID id, int year, String name, UUID scopeOrganizationId, String scopeOrganizationName, UUID policyId,
            String policyCode, String state, Instant openedAt, String openedBy,
            Instant closedAt, String closedBy, long ratings, long version) {}

    /** Who did a step of the workflow and when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String level, String levelName, String note, String by, Instant at) {}

    /** A self-assessment, with the level whose score band holds its total. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SelfAssessment(Map<String, BigDecimal> scores, BigDecimal total, String bandLevel,
            String text, String by, Instant at) {}

    public record BulkResult(int items, int selfAssessed, int proposed, int decided) {}

    /** A rating with its workflow, the band and the level names read from the cycle's policy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RatingResult(UUID id, UUID cycleId, int year, String subjectType, UUID subjectId, String subjectName,
            UUID organizationId, String organizationType, String sector, String state,
            SelfAssessment selfAssessment, Inputs inputs, Step proposal, Step decision, Step sentBack, long version) {

        /** A stored rating under its policy; {@code live} replaces the inputs stored at the self-assessment when given. */
        public static RatingResult of(Rating r, PolicyDocument policy, Inputs live) {
            var band = policy.band(r.type(), r.total()).map(PolicyDocument.Level::code).orElse(null);
            SelfAssessment self = r.selfAt() == null ? null
                    : new SelfAssessment(r.scores(), r.total(), band, r.text(), r.selfBy(), r.selfAt());
            Step proposal = r.proposedAt() == null ? null
                    : new Step(r.proposedLevel(), levelName(policy, r.type(), r.proposedLevel()), r.proposalNote(), r.proposedBy(), r.proposedAt());
            Step decision = r.decidedAt() == null ? null
                    : new Step(r.decidedLevel(), levelName(policy, r.type(), r.decidedLevel()), r.decisionNote(), r.decidedBy(), r.decidedAt());
            Step sentBack = r.sentBackAt() == null ? null : new Step(null, null, r.sentBackReason(), r.sentBackBy(), r.sentBackAt());
            return new RatingResult(r.id(), r.cycleId(), r.year(), r.type().name(), r.subjectId(), r.subjectName(), r.orgId(), r.orgType(),
                    r.sector(), r.state().name(), self, live != null ? live : r.inputs(), proposal, decision, sentBack, r.version());
        }

        private static String levelName(PolicyDocument p, SubjectType t, String code) {
            return code == null ? null : p.level(t, code).map(PolicyDocument.Level::name).orElse(code);
        }
    }

    public record LevelCount(String level, String levelName, long count, BigDecimal percent) {}

    /** Counts per level of one group: an organization type, a sector, or all of a subject. */
    public record Group(String group, long total, List<LevelCount> levels) {}

    public record SubjectSummary(String subjectType, long total, List<LevelCount> levels, List<Group> byType, List<Group> bySector) {}

    public record Summary(UUID organizationId, int year, UUID cycleId, SubjectSummary organizations, Group grassrootsOrganizations,
            SubjectSummary members, List<String> statements) {}

    public record YearRow(int year, String subjectType, String level, long count, BigDecimal percent, BigDecimal changePoints) {}

    public record RatedItem(UUID ratingId, String subjectType, UUID subjectId, String subjectName, UUID organizationId,
            String organizationType, String sector, String level, Instant decidedAt, String decidedBy) {}

    public record RecognitionResult(UUID id, UUID cycleId, UUID organizationId, String organizationName, String title, String titleName,
            String note, String recognizedBy, Instant recognizedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InspectionResult(UUID id, UUID cycleId, UUID organizationId, String organizationName, String topic, LocalDate plannedOn,
            String state, LocalDate inspectedOn, String result, String findings,
            String plannedBy, String recordedBy, Instant recordedAt, long version) {}

    public record Coverage(UUID cycleId, UUID organizationId, long cells, long planned, long inspected,
            long inspectedBeforeDecision, BigDecimal percent) {}
}
