package vn.grassroots.evaluations.api;

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
import vn.grassroots.evaluations.domain.Policy;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.service.Results;

/**
 * What the API shows of the domain objects and results the services return, and the mappers ({@code of}) that build
 * it. The mappers only copy: the rules (bands, level names, shares) were applied by the services.
 */
public final class Views {
    private Views() {}


    @Schema(name = "Policy", description = "Quy định đánh giá, xếp loại chất lượng: versioned data, never edited once created")
    public record PolicyView(UUID id, @Schema(example = "CURRENT-2018") String code, String name, String source,
            @Schema(example = "2018") int fromYear, Integer toYear, boolean builtIn, PolicyDocument rules, Instant createdAt, String createdBy) {

        static PolicyView of(Policy p) {
            return new PolicyView(p.id(), p.code(), p.name(), p.source(), p.fromYear(), p.toYear(), p.builtIn(), p.rules(), p.createdAt(),
                    p.createdBy());
        }
    }

    @Schema(name = "Cycle", description = "Đợt đánh giá, xếp loại chất lượng: a year, a scope (subtree) and a policy")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CycleView(UUID id, int year, String name, UUID scopeOrganizationId, String scopeOrganizationName, UUID policyId,
            String policyCode, @Schema(enumeration = {"OPEN", "CLOSED"}) String state, Instant openedAt, String openedBy,
            Instant closedAt, String closedBy, long ratings, long version) implements Versioned {

        static CycleView of(Results.CycleResult c) {
            return new CycleView(c.id(), c.year(), c.name(), c.scopeOrganizationId(), c.scopeOrganizationName(), c.policyId(),
                    c.policyCode(), c.state(), c.openedAt(), c.openedBy(), c.closedAt(), c.closedBy(), c.ratings(), c.version());
        }
    }

    @Schema(name = "Step", description = "Who did a step of the workflow and when")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String level, String levelName, String note, String by, Instant at) {

        static Step of(Results.Step s) {
            return s == null ? null : new Step(s.level(), s.levelName(), s.note(), s.by(), s.at());
        }
    }

    @Schema(name = "SelfAssessment", description = "Tự đánh giá: scores per criteria group and a text")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SelfAssessment(Map<String, BigDecimal> scores, BigDecimal total,
            @Schema(description = "The level whose score band holds the total (none for policies without bands)") String bandLevel,
            String text, String by, Instant at) {

        static SelfAssessment of(Results.SelfAssessment s) {
            return s == null ? null : new SelfAssessment(s.scores(), s.total(), s.bandLevel(), s.text(), s.by(), s.at());
        }
    }

    @Schema(name = "BulkRatingResult", description = "What a bulk call recorded: the items and the steps taken")
    public record BulkResult(int items, int selfAssessed, int proposed, int decided) {

        static BulkResult of(Results.BulkResult b) {
            return new BulkResult(b.items(), b.selfAssessed(), b.proposed(), b.decided());
        }
    }

    @Schema(name = "Rating", description = "Xếp loại chất lượng of a member or an organization in a cycle, with its workflow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RatingView(UUID id, UUID cycleId, int year,
            @Schema(enumeration = {"MEMBER", "ORGANIZATION"}) String subjectType, UUID subjectId, String subjectName,
            UUID organizationId, String organizationType, String sector,
            @Schema(enumeration = {"SELF_ASSESSED", "SELF_ASSESSMENT_RETURNED", "PROPOSED", "PROPOSAL_RETURNED", "DECIDED"}) String state,
            SelfAssessment selfAssessment, Inputs inputs, Step proposal, Step decision, Step sentBack, long version) implements Versioned {

        static RatingView of(Results.RatingResult r) {
            return new RatingView(r.id(), r.cycleId(), r.year(), r.subjectType(), r.subjectId(), r.subjectName(), r.organizationId(),
                    r.organizationType(), r.sector(), r.state(), SelfAssessment.of(r.selfAssessment()), r.inputs(), Step.of(r.proposal()),
                    Step.of(r.decision()), Step.of(r.sentBack()), r.version());
        }
    }

    @Schema(name = "LevelCount", description = "How many were rated at one level, and their share of all rated")
    public record LevelCount(String level, String levelName, long count, BigDecimal percent) {

        static LevelCount of(Results.LevelCount l) {
            return new LevelCount(l.level(), l.levelName(), l.count(), l.percent());
        }
    }

    @Schema(name = "GroupSummary", description = "Counts per level of one group (an organization type or a sector)")
    public record Group(String group, long total, List<LevelCount> levels) {

        static Group of(Results.Group g) {
            return new Group(g.group(), g.total(), g.levels().stream().map(LevelCount::of).toList());
        }
    }

    @Schema(name = "SubjectSummary", description = "Counts per level for members or organizations, overall, by organization type and by sector")
    public record SubjectSummary(String subjectType, long total, List<LevelCount> levels, List<Group> byType, List<Group> bySector) {

        static SubjectSummary of(Results.SubjectSummary s) {
            return new SubjectSummary(s.subjectType(), s.total(), s.levels().stream().map(LevelCount::of).toList(),
                    s.byType().stream().map(Group::of).toList(), s.bySector().stream().map(Group::of).toList());
        }
    }

    @Schema(name = "ReportSummary", description = "Kết quả đánh giá, xếp loại of a subtree and year, with the sentences provincial reports use")
    public record Summary(UUID organizationId, int year, UUID cycleId, SubjectSummary organizations,
            @Schema(description = "Grassroots organizations only (GRASSROOTS_COMMITTEE, GRASSROOTS_CELL): tổ chức cơ sở đảng") Group grassrootsOrganizations,
            SubjectSummary members, List<String> statements) {

        static Summary of(Results.Summary s) {
            return new Summary(s.organizationId(), s.year(), s.cycleId(), SubjectSummary.of(s.organizations()),
                    Group.of(s.grassrootsOrganizations()), SubjectSummary.of(s.members()), s.statements());
        }
    }

    @Schema(name = "YearComparison", description = "So sánh qua các năm: counts and shares per level, and the change in percentage points from the year before")
    public record YearRow(int year, String subjectType, String level, long count, BigDecimal percent, BigDecimal changePoints) {

        static YearRow of(Results.YearRow y) {
            return new YearRow(y.year(), y.subjectType(), y.level(), y.count(), y.percent(), y.changePoints());
        }
    }

    @Schema(name = "RatedItem", description = "One decided rating behind a number of a report")
    public record RatedItem(UUID ratingId, String subjectType, UUID subjectId, String subjectName, UUID organizationId,
            String organizationType, String sector, String level, Instant decidedAt, String decidedBy) {

        static RatedItem of(Results.RatedItem i) {
            return new RatedItem(i.ratingId(), i.subjectType(), i.subjectId(), i.subjectName(), i.organizationId(), i.organizationType(),
                    i.sector(), i.level(), i.decidedAt(), i.decidedBy());
        }
    }

    @Schema(name = "Recognition", description = "Công nhận chi bộ 4 tốt / đảng bộ cơ sở 4 tốt")
    public record RecognitionView(UUID id, UUID cycleId, UUID organizationId, String organizationName,
            @Schema(enumeration = {"MODEL_CELL", "MODEL_GRASSROOTS_COMMITTEE"}) String title, String titleName, String note,
            String recognizedBy, Instant recognizedAt) {

        static RecognitionView of(Results.RecognitionResult r) {
            return new RecognitionView(r.id(), r.cycleId(), r.organizationId(), r.organizationName(), r.title(), r.titleName(), r.note(),
                    r.recognizedBy(), r.recognizedAt());
        }
    }

    @Schema(name = "Inspection", description = "Kiểm tra chuyên đề of a cell: planned, then its result recorded")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InspectionView(UUID id, UUID cycleId, UUID organizationId, String organizationName, String topic, LocalDate plannedOn,
            @Schema(enumeration = {"PLANNED", "DONE"}) String state, LocalDate inspectedOn, String result, String findings,
            String plannedBy, String recordedBy, Instant recordedAt, long version) implements Versioned {

        static InspectionView of(Results.InspectionResult i) {
            return new InspectionView(i.id(), i.cycleId(), i.organizationId(), i.organizationName(), i.topic(), i.plannedOn(), i.state(),
                    i.inspectedOn(), i.result(), i.findings(), i.plannedBy(), i.recordedBy(), i.recordedAt(), i.version());
        }
    }

    @Schema(name = "InspectionCoverage", description = "Share of the cells of a subtree inspected (kiểm tra chuyên đề) before the decision on their rating; the goal is 100%")
    public record Coverage(UUID cycleId, UUID organizationId, long cells, long planned, long inspected,
            long inspectedBeforeDecision, BigDecimal percent) {

        static Coverage of(Results.Coverage c) {
            return new Coverage(c.cycleId(), c.organizationId(), c.cells(), c.planned(), c.inspected(), c.inspectedBeforeDecision(),
                    c.percent());
        }
    }
}
