package vn.grassroots.assignments.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.assignments.service.Commands;
import vn.grassroots.assignments.service.Results;
import vn.grassroots.common.web.Versioned;

/**
 * The response bodies, mapped from what the services return ({@link Results}); each {@code of} only copies. The
 * simple names stay those the OpenAPI document was generated from (e.g. {@code PageAssignmentView}).
 */
public final class Views {
    private Views() {}


    @Schema(name = "Assignment", description = "A monitoring assignment (phân công theo dõi, phụ trách)")
    public record AssignmentView(UUID id, UUID personId, String targetType, UUID targetId,
            @Schema(description = "The target organization, or the household's cell") UUID organizationId,
            UUID decidingOrganizationId,
            @Schema(description = "PROVINCIAL, DISTRICT or GRASSROOTS: the level of the deciding committee") String level,
            String role, LocalDate validFrom, LocalDate validTo, Commands.Decision decision, String note,
            @Schema(description = "ACTIVE or ENDED") String status, String endReason, LocalDate endedOn,
            Instant createdAt, Instant updatedAt, long version) implements Versioned {
        public static AssignmentView of(Results.AssignmentResult a) {
            return new AssignmentView(a.id(), a.personId(), a.targetType(), a.targetId(), a.organizationId(),
                    a.decidingOrganizationId(), a.level(), a.role(), a.validFrom(), a.validTo(), a.decision(), a.note(),
                    a.status(), a.endReason(), a.endedOn(), a.createdAt(), a.updatedAt(), a.version());
        }
    }

    @Schema(name = "Household", description = "A household (hộ gia đình) of a residential cell")
    public record HouseholdView(UUID id, UUID organizationId, String address, String headName, int peopleCount,
            String notes, Instant createdAt, Instant updatedAt, long version) implements Versioned {
        public static HouseholdView of(Results.HouseholdResult h) {
            return new HouseholdView(h.id(), h.organizationId(), h.address(), h.headName(), h.peopleCount(), h.notes(),
                    h.createdAt(), h.updatedAt(), h.version());
        }
    }

    @Schema(name = "Plan", description = "A plan (kế hoạch)")
    public record PlanView(UUID id, UUID organizationId, String title, String description, LocalDate periodFrom,
            LocalDate periodTo, Instant createdAt, Instant updatedAt, long version) implements Versioned {
        public static PlanView of(Results.PlanResult p) {
            return new PlanView(p.id(), p.organizationId(), p.title(), p.description(), p.periodFrom(), p.periodTo(),
                    p.createdAt(), p.updatedAt(), p.version());
        }
    }

    @Schema(name = "Task", description = "A task (nhiệm vụ)")
    public record TaskView(UUID id, UUID planId, UUID issuingOrganizationId, String title, String description,
            String assigneeType, UUID assigneeId,
            @Schema(description = "The organization of a member assignee, or the assignee organization") UUID assigneeOrganizationId,
            LocalDate dueDate,
            @Schema(description = "ASSIGNED (được giao), IN_PROGRESS (đang thực hiện), DONE (hoàn thành), CANCELLED (hủy)") String state,
            int progressPercent, LocalDate completedOn,
            @Schema(description = "Completed by the due date; null until completed") Boolean onTime,
            @Schema(description = "Announced overdue (quá hạn) by the overdue check") boolean overdue,
            String cancelReason, Instant createdAt, Instant updatedAt, long version) implements Versioned {
        public static TaskView of(Results.TaskResult t) {
            return new TaskView(t.id(), t.planId(), t.issuingOrganizationId(), t.title(), t.description(),
                    t.assigneeType(), t.assigneeId(), t.assigneeOrganizationId(), t.dueDate(), t.state(),
                    t.progressPercent(), t.completedOn(), t.onTime(), t.overdue(), t.cancelReason(), t.createdAt(),
                    t.updatedAt(), t.version());
        }
    }

    @Schema(name = "ProgressEntry", description = "A progress report (báo cáo tiến độ)")
    public record ProgressView(long id, int percent, String note, String reportedBy, UUID memberId, Instant reportedAt) {
        public static ProgressView of(Results.ProgressEntry p) {
            return new ProgressView(p.id(), p.percent(), p.note(), p.reportedBy(), p.memberId(), p.reportedAt());
        }
    }

    @Schema(name = "PlanProgress", description = "Per plan: the share of tasks done, on time, late and overdue (tỷ lệ hoàn thành, đúng hạn, trễ hạn, quá hạn)")
    public record PlanProgress(UUID planId,
            @Schema(description = "Tasks not cancelled") long total, long done,
            @Schema(description = "Done by the due date") long onTime,
            @Schema(description = "Done after the due date") long late,
            @Schema(description = "Not done and past the due date") long overdue,
            long open, long cancelled,
            @Schema(description = "done / total, 0 when there are no tasks") double shareDone,
            double shareOnTime, double shareLate, double shareOverdue,
            @Schema(description = "The day the overdue count refers to (Asia/Ho_Chi_Minh)") LocalDate asOf) {
        public static PlanProgress of(Results.PlanProgress p) {
            return new PlanProgress(p.planId(), p.total(), p.done(), p.onTime(), p.late(), p.overdue(), p.open(),
                    p.cancelled(), p.shareDone(), p.shareOnTime(), p.shareLate(), p.shareOverdue(), p.asOf());
        }
    }

    @Schema(name = "CoverageLevel", description = "Coverage of one level of the rule")
    public record LevelCoverage(long total, long covered, long uncovered, double share) {
        public static LevelCoverage of(Results.LevelCoverage l) {
            return new LevelCoverage(l.total(), l.covered(), l.uncovered(), l.share());
        }
    }

    @Schema(name = "Coverage", description = "Coverage (mức độ phân công theo dõi) of a subtree: \"cấp tỉnh nắm đến TCCSĐ; cấp huyện nắm đến chi bộ; đảng viên nắm đến hộ gia đình\"")
    public record Coverage(UUID organizationId,
            @Schema(description = "Active grassroots organizations (TCCSĐ) followed by an active provincial-level assignment") LevelCoverage grassroots,
            @Schema(description = "Active cells (chi bộ) followed by an active district-level (or provincial-level) assignment") LevelCoverage cells,
            @Schema(description = "Households of active residential cells followed by an active assignment") LevelCoverage households) {
        public static Coverage of(Results.Coverage c) {
            return new Coverage(c.organizationId(), LevelCoverage.of(c.grassroots()), LevelCoverage.of(c.cells()),
                    LevelCoverage.of(c.households()));
        }
    }

    @Schema(name = "CoverageGap", description = "An organization or household nobody of the required level follows")
    public record Gap(UUID id, String kind, String name, UUID organizationId) {
        public static Gap of(Results.Gap g) {
            return new Gap(g.id(), g.kind(), g.name(), g.organizationId());
        }
    }

    @Schema(name = "AttendanceDuty", description = "Monthly attendance duty of one assignment (assignee × cell): the cell's regular meetings held in the period while the assignment was valid, and how many the assignee attended as superior attendee")
    public record AttendanceDuty(UUID assignmentId, UUID personId, String personName, UUID organizationId,
            String organizationName, long meetingsHeld, long attended, double share) {
        public static AttendanceDuty of(Results.AttendanceDuty d) {
            return new AttendanceDuty(d.assignmentId(), d.personId(), d.personName(), d.organizationId(),
                    d.organizationName(), d.meetingsHeld(), d.attended(), d.share());
        }
    }

    @Schema(name = "PersonAttendance", description = "Monthly attendance duty of one assignee over all the cells they attend")
    public record PersonAttendance(UUID personId, String personName, long cells, long meetingsHeld, long attended, double share) {
        public static PersonAttendance of(Results.PersonAttendance p) {
            return new PersonAttendance(p.personId(), p.personName(), p.cells(), p.meetingsHeld(), p.attended(),
                    p.share());
        }
    }
}
