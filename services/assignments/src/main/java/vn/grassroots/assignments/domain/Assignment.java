package vn.grassroots.assignments.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.assignments.domain.Enums.Role;
import vn.grassroots.assignments.domain.Enums.TargetType;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

/** A monitoring assignment (phân công theo dõi, phụ trách): a person follows an organization or a household. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public UUID targetId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "deciding_organization_id")
    public UUID decidingOrganizationId;
    public String level;
    public String role;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "decision_date")
    public LocalDate decisionDate;
    public String note;
    public String status;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public long version;

    /** ATTENDS_MEETINGS (dự sinh hoạt chi bộ) only on an organization target that is a cell (chi bộ). */
    public static void requireRoleFitsTarget(Role role, TargetType targetType, boolean targetIsCell) {
        if (role != Role.ATTENDS_MEETINGS) {
            return;
        }
        if (targetType == TargetType.HOUSEHOLD) {
            throw ProblemException.unprocessable("invalid-role", "a household has no meetings to attend",
                    new FieldError("role", "ATTENDS_MEETINGS needs an organization target"));
        }
        if (!targetIsCell) {
            throw ProblemException.unprocessable("invalid-role", "monthly meetings are attended in a cell (chi bộ)",
                    new FieldError("role", "ATTENDS_MEETINGS needs a cell target"));
        }
    }

    /** An assignment's end of validity, when given, is not before its start. */
    public static void requireValidPeriod(LocalDate validFrom, LocalDate validTo) {
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
    }

    /** Ends an ACTIVE assignment on {@code endedOn} (today when null), not before it became valid. */
    public void end(String reason, LocalDate endedOn, LocalDate today, Instant at) {
        if (!"ACTIVE".equals(status)) {
            throw ProblemException.conflict("assignment-ended", "the assignment has already ended");
        }
        LocalDate on = endedOn != null ? endedOn : today;
        if (on.isBefore(validFrom)) {
            throw ProblemException.invalid("endedOn", "must not be before validFrom");
        }
        status = "ENDED";
        endReason = reason;
        this.endedOn = on;
        updatedAt = at;
        version++;
    }
}
