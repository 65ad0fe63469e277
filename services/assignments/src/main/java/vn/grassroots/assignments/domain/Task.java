package vn.grassroots.assignments.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.problem.ProblemException;

/**
 * A task (nhiệm vụ) with an assignee (a member or an organization) and a due date. Its states: ASSIGNED (được giao)
 * → IN_PROGRESS (đang thực hiện, on each progress report) → DONE (hoàn thành) or CANCELLED (hủy); DONE and
 * CANCELLED are final. An open task whose due date has passed is flagged overdue (quá hạn) by the overdue check.
 */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "issuing_organization_id")
    public UUID issuingOrganizationId;
    public String title;
    public String description;
    @Column(name = "assignee_type")
    public String assigneeType;
    @Column(name = "assignee_id")
    public UUID assigneeId;
    @Column(name = "assignee_organization_id")
    public UUID assigneeOrganizationId;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public String state;
    @Column(name = "progress_percent")
    public int progressPercent;
    @Column(name = "completed_on")
    public LocalDate completedOn;
    public boolean overdue;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public long version;

    /** ASSIGNED or IN_PROGRESS: progress may be reported, the task may be completed or cancelled. */
    public boolean isOpen() {
        return "ASSIGNED".equals(state) || "IN_PROGRESS".equals(state);
    }

    /** Completed on or before the due date; null until completed. */
    public Boolean onTime() {
        return completedOn == null ? null : !completedOn.isAfter(dueDate);
    }

    /** What the overdue check flags: an open task due before {@code asOf} (the query of OverdueCheck selects these). */
    public boolean isOverdueAsOf(LocalDate asOf) {
        return isOpen() && dueDate.isBefore(asOf);
    }

    /** A new task's due date may be today or later, never in the past. */
    public static void requireDueDateNotPast(LocalDate dueDate, LocalDate today) {
        if (dueDate.isBefore(today)) {
            throw ProblemException.invalid("dueDate", "must not be in the past");
        }
    }

    /** A progress report (only on an open task): the task becomes IN_PROGRESS at {@code percent}. */
    public void reportProgress(int percent, Instant at) {
        requireOpen();
        state = "IN_PROGRESS";
        progressPercent = percent;
        changed(at);
    }

    /**
     * Completion (only of a task neither CANCELLED nor DONE) on {@code completedOn}, today when null, never in the
     * future: the task becomes DONE at 100 %.
     */
    public void complete(LocalDate completedOn, LocalDate today, Instant at) {
        if ("CANCELLED".equals(state)) {
            throw ProblemException.conflict("task-cancelled", "a cancelled task cannot be completed");
        }
        if ("DONE".equals(state)) {
            throw ProblemException.conflict("task-done", "the task is already done");
        }
        LocalDate on = completedOn == null ? today : completedOn;
        if (on.isAfter(today)) {
            throw ProblemException.invalid("completedOn", "must not be in the future");
        }
        state = "DONE";
        progressPercent = 100;
        this.completedOn = on;
        changed(at);
    }

    /** Cancellation (only of an open task) for {@code reason}: the task becomes CANCELLED. */
    public void cancel(String reason, Instant at) {
        requireOpen();
        state = "CANCELLED";
        cancelReason = reason;
        changed(at);
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw ProblemException.conflict("task-closed", "the task is " + state);
        }
    }

    private void changed(Instant at) {
        updatedAt = at;
        version++;
    }
}
