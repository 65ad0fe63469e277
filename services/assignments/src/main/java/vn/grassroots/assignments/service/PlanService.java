package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.grassroots.assignments.api.Requests;
import vn.grassroots.assignments.api.Views;
import vn.grassroots.assignments.domain.OrgRef;
import vn.grassroots.assignments.domain.Plan;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;

/** Plans (kế hoạch) and their progress, counted in SQL. */
@ApplicationScoped
public class PlanService {
    @Inject
    EntityManager em;

    @Inject
    Access access;

    @Inject
    AuditTrail audit;

    @Inject
    Today today;

    @Transactional
    public Views.PlanView create(Requests.CreatePlan r) {
        access.requireWriter();
        OrgRef org = access.activeOrganizationInScope(r.organizationId(), "organizationId");
        if (r.periodTo().isBefore(r.periodFrom())) {
            throw ProblemException.invalid("periodTo", "must not be before periodFrom");
        }
        Plan p = new Plan();
        p.id = UUID.randomUUID();
        p.organizationId = org.id;
        p.title = r.title().strip();
        p.description = r.description();
        p.periodFrom = r.periodFrom();
        p.periodTo = r.periodTo();
        p.createdAt = p.updatedAt = Instant.now();
        p.version = 1;
        p.persist();
        Views.PlanView view = Views.PlanView.of(p);
        audit.record("plan.created", "Plan", p.id, org.path, null, view);
        return view;
    }

    /** A plan in the caller's scope (404 unknown, 403 outside). */
    @Transactional
    public Plan find(UUID id) {
        Plan p = Plan.findById(id);
        if (p == null) {
            throw ProblemException.notFound("plan", id);
        }
        access.owningOrganization(p.organizationId);
        return p;
    }

    @Transactional
    public Views.PlanView get(UUID id) {
        access.requireReader();
        return Views.PlanView.of(find(id));
    }

    @Transactional
    public Page<Views.PlanView> list(UUID organizationId, String cursor, Integer limit) {
        access.requireReader();
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Scope scope = access.caller().scope();
        String subtree = organizationId == null ? null : access.organizationInScope(organizationId, "organizationId").path;
        Query q = em.createNativeQuery("""
                SELECT p.* FROM plan p JOIN org_ref o ON o.id = p.organization_id
                WHERE %s AND %s AND (cast(:after AS uuid) IS NULL OR p.id > cast(:after AS uuid))
                ORDER BY p.id LIMIT :limit""".formatted(scope.sql("o.path", "scope"),
                        subtree == null ? "TRUE" : Subtree.condition("o.path", "sub")), Plan.class)
                .setParameter("after", after == null ? null : AssignmentService.uuid(after[0]))
                .setParameter("limit", n + 1);
        scope.bind(q::setParameter, "scope");
        if (subtree != null) {
            Subtree.bind(q::setParameter, "sub", subtree);
        }
        @SuppressWarnings("unchecked")
        List<Plan> rows = q.getResultList();
        return Cursor.page(rows, n, Views.PlanView::of, p -> Cursor.encode(p.id.toString()));
    }

    /** Shares of the plan's tasks done, on time, late and overdue: one aggregate over the plan's tasks. */
    @Transactional
    public Views.PlanProgress progress(UUID id) {
        access.requireReader();
        Plan p = find(id);
        LocalDate day = today.get();
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE state <> 'CANCELLED'),
                       count(*) FILTER (WHERE state = 'DONE'),
                       count(*) FILTER (WHERE state = 'DONE' AND completed_on <= due_date),
                       count(*) FILTER (WHERE state = 'DONE' AND completed_on > due_date),
                       count(*) FILTER (WHERE state IN ('ASSIGNED', 'IN_PROGRESS') AND (overdue OR due_date < :today)),
                       count(*) FILTER (WHERE state IN ('ASSIGNED', 'IN_PROGRESS')),
                       count(*) FILTER (WHERE state = 'CANCELLED')
                FROM task WHERE plan_id = :plan""")
                .setParameter("today", day).setParameter("plan", p.id).getSingleResult();
        long total = n(r[0]);
        long done = n(r[1]);
        long onTime = n(r[2]);
        long late = n(r[3]);
        long overdue = n(r[4]);
        return new Views.PlanProgress(p.id, total, done, onTime, late, overdue, n(r[5]), n(r[6]),
                AssignmentService.share(done, total), AssignmentService.share(onTime, total),
                AssignmentService.share(late, total), AssignmentService.share(overdue, total), day);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
