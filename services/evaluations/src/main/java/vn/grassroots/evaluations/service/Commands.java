package vn.grassroots.evaluations.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.text.MultiLine;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.domain.SubjectType;

/**
 * What the services take, as the API accepts it (the REST bodies are these records). Unknown fields are refused (400),
 * so platform inputs can never be typed into a request.
 */
public final class Commands {
    private Commands() {}

    @Schema(name = "CreatePolicy", description = "A custom rating policy (quy định đánh giá tùy chỉnh)")
    public record CreatePolicy(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,59}") @Schema(example = "DIEN-BIEN-2026") String code,
            @NotBlank @Size(max = 300) @Schema(example = "Hướng dẫn đánh giá của Tỉnh ủy Điện Biên năm 2026") String name,
            @Size(max = 500) @Schema(example = "Hướng dẫn số 05-HD/TU") String source,
            @NotNull @Min(1950) @Max(2200) Integer fromYear,
            @Min(1950) @Max(2200) Integer toYear,
            @NotNull @Valid PolicyDocument rules) {}

    @Schema(name = "OpenCycle", description = "Mở đợt đánh giá: year, scope organization and policy")
    public record OpenCycle(
            @NotNull @Min(1950) @Max(2200) @Schema(example = "2025") Integer year,
            @NotNull UUID scopeOrganizationId,
            @NotNull @Schema(example = "b0000000-0000-4000-8000-000000002018") UUID policyId,
            @Size(max = 300) @Schema(example = "Đánh giá, xếp loại chất lượng năm 2025 — Huyện ủy Tuần Giáo") String name) {}

    @Schema(name = "ChangeCyclePolicy")
    public record ChangePolicy(@NotNull UUID policyId) {}

    @Schema(name = "SelfAssessmentRequest", description = "Tự đánh giá: points per criteria group (codes of the policy) and a text")
    public record SelfAssess(
            @NotNull @Size(max = 30) @Schema(example = "{\"POLITICS_ETHICS\": 28, \"DISCIPLINE_WORKSTYLE\": 18, \"DUTIES\": 36, \"PARTY_ACTIVITIES\": 9}")
            Map<String, @NotNull BigDecimal> scores,
            @NotBlank @Size(max = 20000) @Schema(example = "Chấp hành tốt chủ trương của Đảng; hoàn thành các nhiệm vụ được giao.") @MultiLine String text) {}

    @Schema(name = "LevelRequest", description = "Đề xuất or quyết định: a level code of the policy and a note")
    public record Level(@NotBlank @Size(max = 40) @Schema(example = "GOOD") String level, @Size(max = 5000) @MultiLine String note) {}

    @Schema(name = "BulkRatingItem", description = "The steps to take for one member or organization, in order: self-assessment, "
            + "proposal, decision; each only if given (a step already taken is not repeated by leaving it out)")
    public record BulkItem(@NotNull SubjectType subjectType, @NotNull UUID subjectId,
            @Schema(description = "Tự đánh giá; may be left out when the policy has no criteria for this subject type") @Valid SelfAssess selfAssessment,
            @Size(max = 40) @Schema(description = "Đề xuất: a level code of the policy") String proposedLevel,
            @Size(max = 40) @Schema(description = "Quyết định: a level code of the policy") String decidedLevel,
            @Size(max = 5000) @MultiLine String note) {}

    @Schema(name = "BulkRatings", description = "Many ratings of one cycle at once (xếp loại theo danh sách), all or nothing")
    public record Bulk(@NotEmpty @Size(max = 100) List<@NotNull @Valid BulkItem> items) {}

    @Schema(name = "SendBack", description = "Trả lại: the reason is required")
    public record SendBack(@NotBlank @Size(max = 5000) @Schema(example = "Đề nghị bổ sung kết quả thực hiện nhiệm vụ") @MultiLine String reason) {}

    @Schema(name = "Recognize", description = "Công nhận chi bộ 4 tốt / đảng bộ cơ sở 4 tốt")
    public record Recognize(@NotNull UUID organizationId, @Size(max = 2000) @MultiLine String note) {}

    @Schema(name = "PlanInspection", description = "Kế hoạch kiểm tra chuyên đề of a cell")
    public record PlanInspection(@NotNull UUID organizationId,
            @NotBlank @Size(max = 500) @Schema(example = "Kiểm tra chuyên đề chất lượng sinh hoạt chi bộ") String topic,
            @NotNull LocalDate plannedOn) {}

    @Schema(name = "RecordInspection", description = "Kết quả kiểm tra chuyên đề")
    public record RecordInspection(@NotNull LocalDate inspectedOn,
            @NotBlank @Pattern(regexp = "GOOD|SATISFACTORY|SHORTCOMINGS") @Schema(enumeration = {"GOOD", "SATISFACTORY", "SHORTCOMINGS"}) @MultiLine String result,
            @Size(max = 10000) @MultiLine String findings) {}

}
