package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.grassroots.assignments.domain.Enums.AssigneeType;
import vn.grassroots.assignments.domain.Plan;
import vn.grassroots.assignments.domain.Task;
import vn.grassroots.assignments.events.DomainEvents;
import vn.grassroots.assignments.events.TaskEventData;
import vn.grassroots.assignments.repository.MemberReadModel;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.common.tree.OrganizationTree;
import vn.grassroots.common.web.ETags;

/**
 * Tasks (nhiệm vụ): issued by an organization (optionally in a plan) to a member or an organization; progress is
 * reported only by the assignee; the issuer or the assignee completes; the issuer cancels.
 */
@ApplicationScoped
public class TaskService {
    private static final String OPEN = "('ASSIGNED', 'IN_PROGRESS')";

    private final EntityManager em;
    private final Access access;
    private final PlanService plans;
    private final MemberReadModel members;
    private final OrgRefs orgs;
    private final OrganizationTree tree;
    private final DomainEvents events;
    private final AuditTrail audit;
    private final VietnamClock clock;

    public TaskService(EntityManager em, Access access, PlanService plans, MemberReadModel members, OrgRefs orgs,
            OrganizationTree tree, DomainEvents events, AuditTrail audit, VietnamClock clock) {
        this.em = em;
        this.access = access;
        this.plans = plans;
        this.members = members;
        this.orgs = orgs;
        this.tree = tree;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Results.TaskResult create(Commands.CreateTask r) {
        access.requireWriter();
        UUID issuingId = issuingOrganization(r);
        OrgRef issuer = access.activeOrganizationInScope(issuingId, r.planId() != null ? "planId" : "issuingOrganizationId");
        Task.requireDueDateNotPast(r.dueDate(), clock.today());
        UUID assigneeOrg = assigneeOrganization(r);
        OrgRef assigneeOrgRef = orgs.findById(assigneeOrg);
        if (assigneeOrgRef == null || !issuer.contains(assigneeOrgRef)) {
            throw ProblemException.unprocessable("assignee-outside-issuer",
                    "the assignee must belong to the issuing organization's subtree",
                    new FieldError("assigneeId", "is outside the issuing organization's subtree"));
        }
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.planId = r.planId();
        t.issuingOrganizationId = issuer.id;
        t.title = r.title().strip();
        t.description = r.description();
        t.assigneeType = r.assigneeType().name();
        t.assigneeId = r.assigneeId();
        t.assigneeOrganizationId = assigneeOrg;
        t.dueDate = r.dueDate();
        t.state = "ASSIGNED";
        t.createdAt = t.updatedAt = Instant.now();
        t.version = 1;
        t.persist();
        events.task(DomainEvents.TASK_ASSIGNED, t.id);
        Results.TaskResult after = Results.TaskResult.of(t);
        audit.record("task.assigned", "Task", t.id, issuer.path, null, after);
        return after;
    }

    /** The plan's organization for a task of a plan (the one given must be it), else the one given. */
    private static UUID issuingOrganization(Commands.CreateTask r) {
        UUID issuingId = r.issuingOrganizationId();
        if (r.planId() != null) {
            Plan plan = Plan.findById(r.planId());
            if (plan == null) {
                throw ProblemException.unprocessable("unknown-plan", "plan " + r.planId() + " does not exist",
                        new FieldError("planId", "is not a known plan"));
            }
            if (issuingId != null && !issuingId.equals(plan.organizationId)) {
                throw ProblemException.unprocessable("issuer-not-plan-organization", "a plan's tasks are issued by the plan's organization",
                        new FieldError("issuingOrganizationId", "differs from the plan's organization"));
            }
            issuingId = plan.organizationId;
        } else if (issuingId == null) {
            throw ProblemException.invalid("issuingOrganizationId", "is required without a plan");
        }
        return issuingId;
    }

    /** The organization of an active assignee: the member's cell, or the organization itself. */
    private UUID assigneeOrganization(Commands.CreateTask r) {
        if (r.assigneeType() == AssigneeType.MEMBER) {
            return ActiveMembers.require(members, r.assigneeId(), () -> ProblemException.unprocessable("unknown-member",
                    "member " + r.assigneeId() + " is not known to the assignments service",
                    new FieldError("assigneeId", "is not an active member")),
                    "assigneeId", "is not an active member").organizationId;
        } else {
            OrgRef o = access.organization(r.assigneeId(), "assigneeId");
            if (!o.isActive()) {
                throw ProblemException.unprocessable("inactive-organization", "organization " + o.id + " is " + o.status,
                        new FieldError("assigneeId", "is not an active organization"));
            }
            return o.id;
        }
    }

    @Transactional
    public Results.TaskResult get(UUID id) {
        Task t = find(id, false);
        if (!isAssignee(t)) {
            access.requireReader();
            requireIssuerOrAssigneeScope(t);
        }
        return Results.TaskResult.of(t);
    }

    @Transactional
    public Page<Results.ProgressEntry> progressReports(UUID id, String cursor, Integer limit) {
        get(id);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, percent, note, reported_by, member_id, reported_at FROM task_progress
                WHERE task_id = :task AND (cast(:after AS bigint) IS NULL OR id > cast(:after AS bigint)) ORDER BY id LIMIT :limit""")
                .setParameter("task", id)
                .setParameter("after", after == null ? null : Cursor.number(after[0]))
                .setParameter("limit", n + 1).getResultList();
        return Cursor.page(rows, n, r -> new Results.ProgressEntry(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                (String) r[2], (String) r[3], (UUID) r[4], instant(r[5])), r -> Cursor.encode(r[0].toString()));
    }

    @Transactional
    public Results.TaskResult reportProgress(UUID id, Commands.ProgressReport r, String ifMatch) {
        Task t = find(id, true);
        if (!isAssignee(t)) {
            throw new ProblemException(403, "not-assignee", "Forbidden",
                    "only the assignee of a task reports its progress");
        }
        ETags.check(ifMatch, t.version);
        Results.TaskResult before = Results.TaskResult.of(t);
        t.reportProgress(r.percent(), Instant.now());
        Caller caller = access.caller();
        em.createNativeQuery("""
                INSERT INTO task_progress (task_id, percent, note, reported_by, member_id, reported_at)
                VALUES (?1, ?2, ?3, ?4, ?5, now())""")
                .setParameter(1, t.id).setParameter(2, r.percent()).setParameter(3, r.note())
                .setParameter(4, Caller.actorOf(caller)).setParameter(5, caller.memberId().orElse(null))
                .executeUpdate();
        events.taskProgress(t.id, new TaskEventData.Progress(r.percent(), r.note()));
        Results.TaskResult after = Results.TaskResult.of(t);
        audit.record("task.progress-reported", "Task", t.id, pathOf(t.issuingOrganizationId), before, after);
        return after;
    }

    @Transactional
    public Results.TaskResult complete(UUID id, Commands.CompleteTask r, String ifMatch) {
        Task t = find(id, true);
        if (!isAssignee(t) && !isIssuer(t)) {
            throw new ProblemException(403, "not-assignee", "Forbidden",
                    "only the assignee or the issuing organization completes a task");
        }
        ETags.check(ifMatch, t.version);
        Results.TaskResult before = Results.TaskResult.of(t);
        t.complete(r == null ? null : r.completedOn(), clock.today(), Instant.now());
        events.task(DomainEvents.TASK_COMPLETED, t.id);
        Results.TaskResult after = Results.TaskResult.of(t);
        audit.record("task.completed", "Task", t.id, pathOf(t.issuingOrganizationId), before, after);
        return after;
    }

    @Transactional
    public Results.TaskResult cancel(UUID id, Commands.CancelTask r, String ifMatch) {
        Task t = find(id, true);
        if (!isIssuer(t)) {
            throw ProblemException.forbidden("only the issuing organization cancels a task");
        }
        ETags.check(ifMatch, t.version);
        Results.TaskResult before = Results.TaskResult.of(t);
        t.cancel(r.reason(), Instant.now());
        events.taskCancelled(t.id, r.reason());
        Results.TaskResult after = Results.TaskResult.of(t);
        audit.record("task.cancelled", "Task", t.id, pathOf(t.issuingOrganizationId), before, after);
        return after;
    }

    private Task find(UUID id, boolean lock) {
        Task t = lock ? Task.findById(id, LockModeType.PESSIMISTIC_WRITE) : Task.findById(id);
        if (t == null) {
            throw ProblemException.notFound("task", id);
        }
        return t;
    }

    /** The assignee: the member themself, or for an organization's task a writer whose scope holds that organization. */
    private boolean isAssignee(Task t) {
        Caller caller = access.caller();
        if (AssigneeType.MEMBER.name().equals(t.assigneeType)) {
            return caller.memberId().map(t.assigneeId::equals).orElse(false);
        }
        return access.isWriter() && inScope(t.assigneeOrganizationId);
    }

    /** The issuing organization: a writer whose scope holds it. */
    private boolean isIssuer(Task t) {
        return access.isWriter() && inScope(t.issuingOrganizationId);
    }

    private boolean inScope(UUID organizationId) {
        Optional<String> path = tree.pathOf(organizationId);
        try {
            return path.isPresent() && access.caller().scope().contains(path.get());
        } catch (ProblemException e) {
            return false; // no scope at all (e.g. a token without org_id)
        }
    }

    private void requireIssuerOrAssigneeScope(Task t) {
        if (!inScope(t.issuingOrganizationId) && !inScope(t.assigneeOrganizationId)) {
            throw ProblemException.outOfScope();
        }
    }

    private String pathOf(UUID organizationId) {
        return tree.pathOf(organizationId).orElse(null);
    }

    private static Instant instant(Object v) {
        return v instanceof java.time.OffsetDateTime o ? o.toInstant() : v instanceof Instant i ? i : ((java.sql.Timestamp) v).toInstant();
    }
}
