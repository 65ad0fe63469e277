package vn.grassroots.assignments.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.assignments.domain.Enums.AssigneeType;
import vn.grassroots.assignments.domain.Enums.Role;
import vn.grassroots.assignments.domain.Enums.TargetType;
import vn.grassroots.common.text.MultiLine;

/**
 * What the services are asked to do: the REST request bodies, validated at the resource. Each keeps its simple name and
 * its {@code @Schema}, which name the OpenAPI schemas.
 */
public final class Commands {
    private Commands() {}

    @Schema(name = "Decision", description = "The decision (quyết định) that made an assignment: number and date")
    public record Decision(
            @NotBlank @Size(max = 100) @Schema(example = "125-QĐ/HU") String number,
            @NotNull @Schema(example = "2025-01-15") LocalDate date) {}

    @Schema(name = "CreateAssignment", description = "A monitoring assignment (phân công theo dõi, phụ trách)")
    public record CreateAssignment(
            @NotNull @Schema(description = "The member assigned (đảng viên, cấp ủy viên): an active member") UUID personId,
            @NotNull @Schema(description = "ORGANIZATION (tổ chức đảng) or HOUSEHOLD (hộ gia đình)") TargetType targetType,
            @NotNull @Schema(description = "The organization or household followed") UUID targetId,
            @NotNull @Schema(description = "FOLLOWS (theo dõi), IN_CHARGE (phụ trách), ATTENDS_MEETINGS (dự sinh hoạt chi bộ hằng tháng; organizations only)") Role role,
            @NotNull @Schema(description = "The organization whose committee decided the assignment (cấp ủy ra quyết định phân công): "
                    + "the target organization or one of its ancestors, in your scope; a provincial committee makes a provincial-level "
                    + "assignment, a district or affiliated committee a district-level one, any other a grassroots-level one") UUID decidingOrganizationId,
            @NotNull @Schema(example = "2025-02-01") LocalDate validFrom,
            @Schema(description = "Last day, empty when open-ended", example = "2030-01-31") LocalDate validTo,
            @Valid Decision decision,
            @Size(max = 2000) @MultiLine String note) {}

    @Schema(name = "EndAssignment", description = "Ends an assignment (kết thúc phân công) with its reason")
    public record EndAssignment(
            @NotBlank @Size(max = 500) @Schema(example = "Điều động công tác khác") @MultiLine String reason,
            @Schema(description = "Default: today (Asia/Ho_Chi_Minh)") LocalDate endedOn) {}

    @Schema(name = "HouseholdRequest", description = "A household (hộ gia đình) of a residential cell")
    public record HouseholdRequest(
            @NotNull @Schema(description = "The residential cell (chi bộ thôn, bản, tổ dân phố)") UUID organizationId,
            @NotBlank @Size(max = 500) @Schema(example = "Số 12, bản Cang, xã Quài Cang") String address,
            @NotBlank @Size(max = 200) @Schema(description = "Head of household (chủ hộ)", example = "Lò Văn Pâng") String headName,
            @NotNull @Min(1) @Max(100) @Schema(description = "Number of people (số nhân khẩu)", example = "5") Integer peopleCount,
            @Size(max = 2000) @Schema(description = "Notes (ghi chú)") @MultiLine String notes) {}

    @Schema(name = "CreatePlan", description = "A plan (kế hoạch) issued by an organization for a period")
    public record CreatePlan(
            @NotNull @Schema(description = "The issuing organization, in your scope") UUID organizationId,
            @NotBlank @Size(max = 300) @Schema(example = "Kế hoạch thực hiện Nghị quyết Trung ương 4 khóa XII") String title,
            @Size(max = 5000) @MultiLine String description,
            @NotNull @Schema(example = "2025-01-01") LocalDate periodFrom,
            @NotNull @Schema(example = "2025-12-31") LocalDate periodTo) {}

    @Schema(name = "CreateTask", description = "A task (nhiệm vụ)")
    public record CreateTask(
            @Schema(description = "The plan it belongs to, if any; then the plan's organization issues it") UUID planId,
            @Schema(description = "The issuing organization, in your scope (required without a plan)") UUID issuingOrganizationId,
            @NotBlank @Size(max = 300) @Schema(example = "Rà soát danh sách hộ gia đình khó khăn") String title,
            @Size(max = 5000) @MultiLine String description,
            @NotNull @Schema(description = "MEMBER (đảng viên) or ORGANIZATION (tổ chức đảng)") AssigneeType assigneeType,
            @NotNull @Schema(description = "An active member, or an active organization, in the issuing organization's subtree") UUID assigneeId,
            @NotNull @Schema(description = "Due date (hạn hoàn thành)", example = "2025-06-30") LocalDate dueDate) {}

    @Schema(name = "ProgressReport", description = "A progress report (báo cáo tiến độ) by the assignee")
    public record ProgressReport(
            @NotNull @Min(0) @Max(100) @Schema(example = "40") Integer percent,
            @NotBlank @Size(max = 2000) @Schema(example = "Đã rà soát 20/50 hộ") @MultiLine String note) {}

    @Schema(name = "CompleteTask", description = "Completion of a task (hoàn thành nhiệm vụ)")
    public record CompleteTask(
            @Schema(description = "Default: today (Asia/Ho_Chi_Minh)") LocalDate completedOn,
            @Size(max = 2000) @MultiLine String note) {}

    @Schema(name = "CancelTask", description = "Cancellation of a task (hủy nhiệm vụ)")
    public record CancelTask(@NotBlank @Size(max = 1000) @MultiLine String reason) {}
}
