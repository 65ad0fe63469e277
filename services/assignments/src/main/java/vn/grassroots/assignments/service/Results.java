package vn.grassroots.assignments.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.assignments.domain.Assignment;
import vn.grassroots.assignments.domain.Household;
import vn.grassroots.assignments.domain.Plan;
import vn.grassroots.assignments.domain.Task;

/**
 * What the services answer: plain records, built inside their transactions (from the entities or straight from SQL
 * rows), so that api never sees an entity. They are also the before and after states the services write to the audit
 * trail, so their components keep the names and order of the API's views ({@code api.Views}), which copy them.
 */
public final class Results {
    private Results() {}

    /** A monitoring assignment; {@code decision} is null when none was given. */
    public record AssignmentResult(UUID id, UUID personId, String targetType, UUID targetId, UUID organizationId,
            UUID decidingOrganizationId, String level, String role, LocalDate validFrom, LocalDate validTo,
            Commands.Decision decision, String note, String status, String endReason, LocalDate endedOn,
            Instant createdAt, Instant updatedAt, long version) {
        public static AssignmentResult of(Assignment a) {
            return new AssignmentResult(a.id, a.personId, a.targetType, a.targetId, a.organizationId,
                    a.decidingOrganizationId, a.level, a.role, a.validFrom, a.validTo,
                    a.decisionNumber == null ? null : new Commands.Decision(a.decisionNumber, a.decisionDate), a.note,
                    a.status, a.endReason, a.endedOn, a.createdAt, a.updatedAt, a.version);
        }
    }

    public record HouseholdResult(UUID id, UUID organizationId, String address, String headName, int peopleCount,
            String notes, Instant createdAt, Instant updatedAt, long version) {
        public static HouseholdResult of(Household h) {
            return new HouseholdResult(h.id, h.organizationId, h.address, h.headName, h.peopleCount, h.notes,
                    h.createdAt, h.updatedAt, h.version);
        }
    }

    public record PlanResult(UUID id, UUID organizationId, String title, String description, LocalDate periodFrom,
            LocalDate periodTo, Instant createdAt, Instant updatedAt, long version) {
        public static PlanResult of(Plan p) {
            return new PlanResult(p.id, p.organizationId, p.title, p.description, p.periodFrom, p.periodTo, p.createdAt,
                    p.updatedAt, p.version);
        }
    }

    /** A task; {@code onTime} is the domain's rule ({@link Task#onTime()}), null until completed. */
    public record TaskResult(UUID id, UUID planId, UUID issuingOrganizationId, String title, String description,
            String assigneeType, UUID assigneeId, UUID assigneeOrganizationId, LocalDate dueDate, String state,
            int progressPercent, LocalDate completedOn, Boolean onTime, boolean overdue, String cancelReason,
            Instant createdAt, Instant updatedAt, long version) {
        public static TaskResult of(Task t) {
            return new TaskResult(t.id, t.planId, t.issuingOrganizationId, t.title, t.description, t.assigneeType,
                    t.assigneeId, t.assigneeOrganizationId, t.dueDate, t.state, t.progressPercent, t.completedOn,
                    t.onTime(), t.overdue, t.cancelReason, t.createdAt, t.updatedAt, t.version);
        }
    }

    /** A progress report of a task, as stored in task_progress. */
    public record ProgressEntry(long id, int percent, String note, String reportedBy, UUID memberId, Instant reportedAt) {}

    /** A plan's tasks counted; the shares are {@link CoverageReports#share}, {@code asOf} the day overdue refers to. */
    public record PlanProgress(UUID planId, long total, long done, long onTime, long late, long overdue, long open,
            long cancelled, double shareDone, double shareOnTime, double shareLate, double shareOverdue, LocalDate asOf) {}

    public record LevelCoverage(long total, long covered, long uncovered, double share) {}

    public record Coverage(UUID organizationId, LevelCoverage grassroots, LevelCoverage cells, LevelCoverage households) {}

    public record Gap(UUID id, String kind, String name, UUID organizationId) {}

    public record AttendanceDuty(UUID assignmentId, UUID personId, String personName, UUID organizationId,
            String organizationName, long meetingsHeld, long attended, double share) {}

    public record PersonAttendance(UUID personId, String personName, long cells, long meetingsHeld, long attended,
            double share) {}
}
