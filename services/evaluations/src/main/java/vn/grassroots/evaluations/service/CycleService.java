package vn.grassroots.evaluations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.common.web.ETags;
import vn.grassroots.evaluations.domain.Policy;
import vn.grassroots.evaluations.events.EvaluationEvents;
import vn.grassroots.evaluations.repository.Sql;
import vn.grassroots.evaluations.service.Results.CycleResult;

/** Evaluation cycles: opened for a year, a subtree and a policy; the policy is fixed once ratings exist; closed at the end. */
@ApplicationScoped
public class CycleService {
    public static final String[] OPENERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION};
    public static final String[] READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY, Roles.AUDITOR, Roles.MEMBER};

    private final EntityManager em;
    private final Caller caller;
    private final OrgRefs orgs;
    private final PolicyService policies;
    private final EvaluationEvents events;
    private final AuditTrail audit;

    public CycleService(EntityManager em, Caller caller, OrgRefs orgs, PolicyService policies, EvaluationEvents events,
            AuditTrail audit) {
        this.em = em;
        this.caller = caller;
        this.orgs = orgs;
        this.policies = policies;
        this.events = events;
        this.audit = audit;
    }

    /** A cycle row, as the services use it. */
    public record Cycle(UUID id, int year, String name, UUID scopeOrgId, String scopePath, UUID policyId, String state,
            Instant openedAt, String openedBy, Instant closedAt, String closedBy, long version) {}

    @Transactional
    public CycleResult open(Commands.OpenCycle r) {
        caller.requireRole(OPENERS);
        OrgRef scope = orgs.findByIdOptional(r.scopeOrganizationId()).orElseThrow(() -> ProblemException.unprocessable(
                "unknown-organization", "organization " + r.scopeOrganizationId() + " is not known to the evaluations service",
                new FieldError("scopeOrganizationId", "is not a known organization")));
        caller.requireInScope(scope.path, scope.id);
        Policy policy = policyInForce(r.policyId(), r.year());
        Number exists = (Number) em.createNativeQuery("SELECT count(*) FROM cycle WHERE year = ?1 AND scope_org_id = ?2")
                .setParameter(1, r.year()).setParameter(2, scope.id).getSingleResult();
        if (exists.longValue() > 0) {
            throw ProblemException.conflict("cycle-exists", "a cycle of " + r.year() + " for " + scope.name + " already exists");
        }
        UUID id = UUID.randomUUID();
        String name = r.name() != null && !r.name().isBlank() ? r.name()
                : "Đánh giá, xếp loại chất lượng năm " + r.year() + " — " + scope.name;
        em.createNativeQuery("""
                INSERT INTO cycle (id, year, name, scope_org_id, scope_path, policy_id, state, opened_at, opened_by, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'OPEN', now(), ?7, 0)""")
                .setParameter(1, id).setParameter(2, r.year()).setParameter(3, name).setParameter(4, scope.id)
                .setParameter(5, scope.path).setParameter(6, policy.id()).setParameter(7, Caller.actorOf(caller)).executeUpdate();
        Cycle c = find(id);
        events.cycle(EvaluationEvents.CYCLE_OPENED, data(c, policy.code()));
        CycleResult v = result(c);
        audit.record("cycle.opened", "EvaluationCycle", id, c.scopePath(), null, v);
        return v;
    }

    /** Changes the policy of a cycle: refused (409) once any rating exists, since ratings were made under the old rules. */
    @Transactional
    public CycleResult changePolicy(UUID id, Commands.ChangePolicy r, String ifMatch) {
        caller.requireRole(OPENERS);
        Cycle c = lock(id);
        caller.requireInScope(c.scopePath(), c.scopeOrgId());
        ETags.require(ifMatch, c.version());
        requireOpen(c);
        long ratings = ratings(id);
        if (ratings > 0) {
            throw ProblemException.conflict("cycle-has-ratings", "the policy of cycle " + id + " cannot change: " + ratings
                    + " rating(s) were already made under it");
        }
        Policy policy = policyInForce(r.policyId(), c.year());
        CycleResult before = result(c);
        em.createNativeQuery("UPDATE cycle SET policy_id = ?1, version = version + 1 WHERE id = ?2")
                .setParameter(1, policy.id()).setParameter(2, id).executeUpdate();
        CycleResult after = result(find(id));
        audit.record("cycle.policy-changed", "EvaluationCycle", id, c.scopePath(), before, after);
        return after;
    }

    @Transactional
    public CycleResult close(UUID id, String ifMatch) {
        caller.requireRole(OPENERS);
        Cycle c = lock(id);
        caller.requireInScope(c.scopePath(), c.scopeOrgId());
        ETags.check(ifMatch, c.version());
        requireOpen(c);
        CycleResult before = result(c);
        em.createNativeQuery("UPDATE cycle SET state = 'CLOSED', closed_at = now(), closed_by = ?1, version = version + 1 WHERE id = ?2")
                .setParameter(1, Caller.actorOf(caller)).setParameter(2, id).executeUpdate();
        Cycle closed = find(id);
        events.cycle(EvaluationEvents.CYCLE_CLOSED, data(closed, policies.get(closed.policyId()).code()));
        CycleResult after = result(closed);
        audit.record("cycle.closed", "EvaluationCycle", id, c.scopePath(), before, after);
        return after;
    }

    @Transactional
    public CycleResult get(UUID id) {
        Cycle c = readable(id);
        return result(c);
    }

    /** A cycle the caller may read: its subtree overlaps the caller's (inside it, or containing the caller's organization). */
    public Cycle readable(UUID id) {
        caller.requireRole(READERS);
        Cycle c = find(id);
        Scope s = caller.scope();
        if (!s.contains(c.scopePath()) && !(s.prefix() != null && s.prefix().startsWith(c.scopePath()))) {
            throw ProblemException.outOfScope();
        }
        return c;
    }

    /** Cycles overlapping the caller's subtree, newest year first, optionally of one year. */
    @Transactional
    public Page<CycleResult> list(Integer year, String cursor, Integer limit) {
        caller.requireRole(READERS);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 2);
        Scope s = caller.scope();
        Query q = em.createNativeQuery(SELECT + " WHERE (" + s.sql("scope_path", "scope")
                        + (s.isAll() ? "" : " OR :callerPath LIKE scope_path || '%'") + ")"
                        + " AND (cast(:year AS int) IS NULL OR year = :year)"
                        + " AND (cast(:afterYear AS int) IS NULL OR (year, id) < (:afterYear, cast(:afterId AS uuid)))"
                        + " ORDER BY year DESC, id DESC LIMIT :limit")
                .setParameter("year", year)
                .setParameter("afterYear", after == null ? null : (int) Cursor.number(after[0]))
                .setParameter("afterId", after == null ? null : after[1])
                .setParameter("limit", n + 1);
        s.bind(q::setParameter, "scope");
        if (!s.isAll()) {
            q.setParameter("callerPath", s.prefix());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows.stream().map(CycleService::cycle).toList(), n, this::result,
                c -> Cursor.encode(String.valueOf(c.year()), c.id().toString()));
    }

    public Cycle find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(CycleService::cycle).orElseThrow(() -> ProblemException.notFound("cycle", id));
    }

    /** The cycle, locked for the rest of the transaction (policy change vs. a first rating). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cycle lock(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(CycleService::cycle).orElseThrow(() -> ProblemException.notFound("cycle", id));
    }

    public static void requireOpen(Cycle c) {
        if (!"OPEN".equals(c.state())) {
            throw ProblemException.conflict("cycle-closed", "cycle " + c.id() + " is closed");
        }
    }

    public long ratings(UUID cycleId) {
        // Kept by the rating triggers (V6__cycle_rating_count.sql): a province's cycle has 400,000 ratings to count.
        return ((Number) em.createNativeQuery("SELECT rating_count FROM cycle WHERE id = ?1").setParameter(1, cycleId)
                .getSingleResult()).longValue();
    }

    private Policy policyInForce(UUID policyId, int year) {
        Policy p;
        try {
            p = policies.get(policyId);
        } catch (ProblemException e) {
            throw ProblemException.unprocessable("unknown-policy", "policy " + policyId + " does not exist",
                    new FieldError("policyId", "is not a known policy"));
        }
        if (year < p.fromYear() || (p.toYear() != null && year > p.toYear())) {
            throw ProblemException.unprocessable("policy-not-in-force", "policy " + p.code() + " applies to the years " + p.fromYear()
                    + "–" + (p.toYear() == null ? "" : p.toYear()) + ", not to " + year, new FieldError("policyId", "is not in force in " + year));
        }
        return p;
    }

    private static final String SELECT = "SELECT id, year, name, scope_org_id, scope_path, policy_id, state, opened_at, opened_by,"
            + " closed_at, closed_by, version FROM cycle";

    private static Cycle cycle(Object[] r) {
        return new Cycle((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2], (UUID) r[3], (String) r[4], (UUID) r[5],
                (String) r[6], Sql.instant(r[7]), (String) r[8], Sql.instant(r[9]), (String) r[10], ((Number) r[11]).longValue());
    }

    /** The cycle as the services answer it: with its scope's name, its policy's code and the ratings made in it. */
    public CycleResult result(Cycle c) {
        String orgName = orgs.findByIdOptional(c.scopeOrgId()).map(o -> o.name).orElse(null);
        return new CycleResult(c.id(), c.year(), c.name(), c.scopeOrgId(), orgName, c.policyId(), policies.get(c.policyId()).code(),
                c.state(), c.openedAt(), c.openedBy(), c.closedAt(), c.closedBy(), ratings(c.id()), c.version());
    }

    private static EvaluationEvents.CycleData data(Cycle c, String policyCode) {
        return new EvaluationEvents.CycleData(c.id(), c.year(), c.name(), c.scopeOrgId(), c.scopePath(), c.policyId(), policyCode,
                c.state(), c.openedAt(), c.closedAt(), c.version());
    }
}
