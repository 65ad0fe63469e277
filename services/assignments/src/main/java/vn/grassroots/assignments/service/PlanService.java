package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.assignments.domain.Plan;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;

/** Plans (kế hoạch) and their progress, counted in SQL. */
@ApplicationScoped
public class PlanService {
    private final EntityManager em;
    private final Access access;
    private final AuditTrail audit;
    private final VietnamClock clock;

    public PlanService(EntityManager em, Access access, AuditTrail audit, VietnamClock clock) {
        this.em = em;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Results.PlanResult create(Commands.CreatePlan r) {
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
        Results.PlanResult after = Results.PlanResult.of(p);
        audit.record("plan.created", "Plan", p.id, org.path, null, after);
        return after;
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
    public Results.PlanResult get(UUID id) {
        access.requireReader();
        return Results.PlanResult.of(find(id));
    }

    @Transactional
    public Page<Results.PlanResult> list(UUID organizationId, String cursor, Integer limit) {
        access.requireReader();
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        List<Plan> rows = ScopedLists.rows(em, access, organizationId, """
                SELECT p.* FROM plan p JOIN org_ref o ON o.id = p.organization_id
                WHERE %s AND %s AND (cast(:after AS uuid) IS NULL OR p.id > cast(:after AS uuid))
                ORDER BY p.id LIMIT :limit""", Plan.class, Map.of(), after, n);
        return Cursor.page(rows, n, Results.PlanResult::of, p -> Cursor.encode(p.id.toString()));
    }

    /** The counts of a plan's tasks {@code t} behind a progress, in the order {@link #progress(UUID, Object[], int, LocalDate)} reads. */
    private static final String PROGRESS_COUNTS = """
            count(t.id) FILTER (WHERE t.state <> 'CANCELLED'),
            count(t.id) FILTER (WHERE t.state = 'DONE'),
            count(t.id) FILTER (WHERE t.state = 'DONE' AND t.completed_on <= t.due_date),
            count(t.id) FILTER (WHERE t.state = 'DONE' AND t.completed_on > t.due_date),
            count(t.id) FILTER (WHERE t.state IN ('ASSIGNED', 'IN_PROGRESS') AND (t.overdue OR t.due_date < :today)),
            count(t.id) FILTER (WHERE t.state IN ('ASSIGNED', 'IN_PROGRESS')),
            count(t.id) FILTER (WHERE t.state = 'CANCELLED')""";

    /** Shares of the plan's tasks done, on time, late and overdue: one aggregate over the plan's tasks. */
    @Transactional
    public Results.PlanProgress progress(UUID id) {
        access.requireReader();
        Plan p = find(id);
        LocalDate day = clock.today();
        Object[] r = (Object[]) em.createNativeQuery("SELECT " + PROGRESS_COUNTS + " FROM task t WHERE t.plan_id = :plan")
                .setParameter("today", day).setParameter("plan", p.id).getSingleResult();
        return progress(p.id, r, 0, day);
    }

    private static Results.PlanProgress progress(UUID plan, Object[] r, int at, LocalDate day) {
        long total = n(r[at]);
        long done = n(r[at + 1]);
        long onTime = n(r[at + 2]);
        long late = n(r[at + 3]);
        long overdue = n(r[at + 4]);
        return new Results.PlanProgress(plan, total, done, onTime, late, overdue, n(r[at + 5]), n(r[at + 6]),
                CoverageReports.share(done, total), CoverageReports.share(onTime, total),
                CoverageReports.share(late, total), CoverageReports.share(overdue, total), day);
    }

    /** A plan of a subtree's report, with its organization's name and its progress. */
    public record PlanReport(UUID planId, String title, String organizationName, LocalDate periodFrom, LocalDate periodTo,
            Results.PlanProgress progress) {}

    /**
     * The plans of the subtree (default: the caller's scope) whose period meets [from, to], earliest first, with their
     * progress: at most {@code max} + 1, so that the caller knows there are more. One aggregate over their tasks.
     */
    @Transactional
    public List<PlanReport> reports(UUID organizationId, LocalDate from, LocalDate to, int max) {
        access.requireReader();
        Scope scope = access.caller().scope();
        String subtree = organizationId == null ? null : access.organizationInScope(organizationId, "organizationId").path;
        LocalDate day = clock.today();
        Query q = em.createNativeQuery("""
                SELECT p.id, p.title, o.name, p.period_from, p.period_to, %s
                FROM plan p JOIN org_ref o ON o.id = p.organization_id LEFT JOIN task t ON t.plan_id = p.id
                WHERE %s AND %s AND p.period_from <= :to AND p.period_to >= :from
                GROUP BY p.id, o.name ORDER BY p.period_from, p.id LIMIT :limit""".formatted(PROGRESS_COUNTS,
                        scope.sql("o.path", "scope"), subtree == null ? "TRUE" : Subtree.condition("o.path", "sub")))
                .setParameter("from", from).setParameter("to", to).setParameter("today", day).setParameter("limit", max + 1);
        scope.bind(q::setParameter, "scope");
        if (subtree != null) {
            Subtree.bind(q::setParameter, "sub", subtree);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new PlanReport((UUID) r[0], (String) r[1], (String) r[2], date(r[3]), date(r[4]),
                progress((UUID) r[0], r, 5, day))).toList();
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
