package vn.grassroots.assignments.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task (nhiệm vụ) with an assignee (a member or an organization) and a due date. */
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

    public boolean isOpen() {
        return "ASSIGNED".equals(state) || "IN_PROGRESS".equals(state);
    }

    public Boolean onTime() {
        return completedOn == null ? null : !completedOn.isAfter(dueDate);
    }
}
