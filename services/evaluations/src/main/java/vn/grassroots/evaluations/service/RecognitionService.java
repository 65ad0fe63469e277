package vn.grassroots.evaluations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.common.web.ETags;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.repository.Sql;
import vn.grassroots.evaluations.service.CycleService.Cycle;

/**
 * Recognition of model cells and grassroots committees (chi bộ 4 tốt, đảng bộ cơ sở 4 tốt) within a cycle, and
 * thematic inspections (kiểm tra chuyên đề) of cells: planned, recorded, and their coverage before the decisions.
 */
@ApplicationScoped
public class RecognitionService {
    static final List<String> CELLS = List.of("GRASSROOTS_CELL", "SUBORDINATE_CELL");

    private final VietnamClock clock;
    private final EntityManager em;
    private final Caller caller;
    private final CycleService cycles;
    private final RatingSubjects subjects;
    private final OrgRefs orgs;
    private final AuditTrail audit;

    public RecognitionService(VietnamClock clock, EntityManager em, Caller caller, CycleService cycles,
            RatingSubjects subjects, OrgRefs orgs, AuditTrail audit) {
        this.clock = clock;
        this.em = em;
        this.caller = caller;
        this.cycles = cycles;
        this.subjects = subjects;
        this.orgs = orgs;
        this.audit = audit;
    }

    // ---- recognition

    /**
     * Recognizes a cell (chi bộ 4 tốt) or a grassroots committee (đảng bộ cơ sở 4 tốt) whose rating in the cycle is
     * decided at the policy's highest level; by a superior organization, as for decisions.
     */
    @Transactional
    public Results.RecognitionResult recognize(UUID cycleId, Commands.Recognize r) {
        Cycle c = cycles.find(cycleId);
        RatingSubjects.Subject s = organization(c, r.organizationId());
        subjects.requireSuperior(s);
        CycleService.requireOpen(c);
        String title = CELLS.contains(s.org().type) ? "MODEL_CELL" : "GRASSROOTS_COMMITTEE".equals(s.org().type) ? "MODEL_GRASSROOTS_COMMITTEE" : null;
        if (title == null) {
            throw ProblemException.unprocessable("not-recognizable", "only cells (chi bộ 4 tốt) and grassroots committees (đảng bộ cơ sở 4 tốt) "
                    + "are recognized, not a " + s.org().type, new FieldError("organizationId", "is a " + s.org().type));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rating = em.createNativeQuery("""
                SELECT state, decided_rank, decided_level FROM rating WHERE cycle_id = ?1 AND subject_type = 'ORGANIZATION' AND subject_id = ?2""")
                .setParameter(1, cycleId).setParameter(2, s.id()).getResultList();
        if (rating.isEmpty() || !"DECIDED".equals(rating.get(0)[0]) || ((Number) rating.get(0)[1]).intValue() != 1) {
            throw ProblemException.unprocessable("not-rated-top-level", s.org().name + " is recognized only once its rating in this cycle is "
                    + "decided at the highest level" + (rating.isEmpty() || rating.get(0)[2] == null ? " (not decided yet)" : " (decided " + rating.get(0)[2] + ")"));
        }
        Number exists = (Number) em.createNativeQuery("SELECT count(*) FROM recognition WHERE cycle_id = ?1 AND organization_id = ?2")
                .setParameter(1, cycleId).setParameter(2, s.id()).getSingleResult();
        if (exists.longValue() > 0) {
            throw ProblemException.conflict("already-recognized", s.org().name + " is already recognized in this cycle");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO recognition (id, cycle_id, organization_id, org_path, title, note, recognized_by, recognized_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())""")
                .setParameter(1, id).setParameter(2, cycleId).setParameter(3, s.id()).setParameter(4, s.org().path).setParameter(5, title)
                .setParameter(6, r.note()).setParameter(7, Caller.actorOf(caller)).executeUpdate();
        Results.RecognitionResult v = recognitions(cycleId, s.org().id, null, 1).items().get(0);
        audit.record("recognition.granted", "Recognition", id, s.org().path, null, v);
        return v;
    }

    @Transactional
    public Page<Results.RecognitionResult> recognitions(UUID cycleId, UUID under, String cursor, Integer limit) {
        cycles.readable(cycleId);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Scope scope = scope(under);
        Query q = em.createNativeQuery("""
                SELECT r.id, r.cycle_id, r.organization_id, o.name, r.title, r.note, r.recognized_by, r.recognized_at, r.org_path
                FROM recognition r LEFT JOIN org_ref o ON o.id = r.organization_id
                WHERE r.cycle_id = :cycle AND %s AND (cast(:after AS text) IS NULL OR r.org_path > :after)
                ORDER BY r.org_path LIMIT :limit""".formatted(scope.sql("r.org_path", "scope")))
                .setParameter("cycle", cycleId).setParameter("after", after == null ? null : after[0]).setParameter("limit", n + 1);
        scope.bind(q::setParameter, "scope");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, n, x -> new Results.RecognitionResult((UUID) x[0], (UUID) x[1], (UUID) x[2], (String) x[3], (String) x[4],
                "MODEL_CELL".equals(x[4]) ? "Chi bộ 4 tốt" : "Đảng bộ cơ sở 4 tốt", (String) x[5], (String) x[6], Sql.instant(x[7])),
                x -> Cursor.encode((String) x[8]));
    }

    // ---- inspections

    @Transactional
    public Results.InspectionResult plan(UUID cycleId, Commands.PlanInspection r) {
        Cycle c = cycles.find(cycleId);
        RatingSubjects.Subject s = organization(c, r.organizationId());
        subjects.requireSuperior(s);
        CycleService.requireOpen(c);
        if (!CELLS.contains(s.org().type)) {
            throw ProblemException.unprocessable("not-a-cell", "thematic inspections here are of cells, not of a " + s.org().type,
                    new FieldError("organizationId", "is a " + s.org().type));
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO inspection (id, cycle_id, organization_id, org_path, topic, planned_on, state, planned_by, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'PLANNED', ?7, 0)""")
                .setParameter(1, id).setParameter(2, cycleId).setParameter(3, s.id()).setParameter(4, s.org().path)
                .setParameter(5, r.topic()).setParameter(6, r.plannedOn()).setParameter(7, Caller.actorOf(caller)).executeUpdate();
        Results.InspectionResult v = inspection(id);
        audit.record("inspection.planned", "Inspection", id, s.org().path, null, v);
        return v;
    }

    @Transactional
    public Results.InspectionResult record(UUID inspectionId, Commands.RecordInspection r, String ifMatch) {
        Results.InspectionResult before = inspection(inspectionId);
        Cycle c = cycles.find(before.cycleId());
        RatingSubjects.Subject s = organization(c, before.organizationId());
        subjects.requireSuperior(s);
        CycleService.requireOpen(c);
        ETags.check(ifMatch, before.version());
        if ("DONE".equals(before.state())) {
            throw ProblemException.conflict("inspection-recorded", "the result of this inspection is already recorded");
        }
        if (r.inspectedOn().isAfter(clock.today())) {
            throw ProblemException.unprocessable("inspected-in-future", "an inspection is recorded once done; "
                    + r.inspectedOn() + " is in the future", new FieldError("inspectedOn", "is in the future"));
        }
        em.createNativeQuery("""
                UPDATE inspection SET state = 'DONE', inspected_on = ?1, result = ?2, findings = ?3, recorded_by = ?4, recorded_at = now(),
                    version = version + 1 WHERE id = ?5""")
                .setParameter(1, r.inspectedOn()).setParameter(2, r.result()).setParameter(3, r.findings())
                .setParameter(4, Caller.actorOf(caller)).setParameter(5, inspectionId).executeUpdate();
        Results.InspectionResult after = inspection(inspectionId);
        audit.record("inspection.recorded", "Inspection", inspectionId, s.org().path, before, after);
        return after;
    }

    @Transactional
    public Page<Results.InspectionResult> inspections(UUID cycleId, UUID under, String state, String cursor, Integer limit) {
        cycles.readable(cycleId);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 2);
        Scope scope = scope(under);
        Query q = em.createNativeQuery(SELECT + " WHERE i.cycle_id = :cycle AND %s AND (cast(:state AS text) IS NULL OR i.state = :state)"
                        .formatted(scope.sql("i.org_path", "scope"))
                        + " AND (cast(:afterPath AS text) IS NULL OR (i.org_path, i.id) > (:afterPath, cast(:afterId AS uuid)))"
                        + " ORDER BY i.org_path, i.id LIMIT :limit")
                .setParameter("cycle", cycleId).setParameter("state", state)
                .setParameter("afterPath", after == null ? null : after[0]).setParameter("afterId", after == null ? null : after[1])
                .setParameter("limit", n + 1);
        scope.bind(q::setParameter, "scope");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, n, RecognitionService::inspection, x -> Cursor.encode((String) x[14], x[0].toString()));
    }

    /** Cells of the subtree (active), how many have an inspection planned, done, and done before their rating was decided. */
    @Transactional
    public Results.Coverage coverage(UUID cycleId, UUID under) {
        Cycle c = cycles.readable(cycleId);
        Scope scope = scope(under);
        Query q = em.createNativeQuery("""
                SELECT count(*),
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection i WHERE i.cycle_id = :cycle AND i.organization_id = o.id)),
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection i WHERE i.cycle_id = :cycle AND i.organization_id = o.id AND i.state = 'DONE')),
                  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspection i
                      LEFT JOIN rating r ON r.cycle_id = i.cycle_id AND r.subject_type = 'ORGANIZATION' AND r.subject_id = i.organization_id
                      WHERE i.cycle_id = :cycle AND i.organization_id = o.id AND i.state = 'DONE'
                        AND (r.decided_at IS NULL OR i.recorded_at < r.decided_at)))
                FROM org_ref o WHERE %s AND %s AND o.status = 'ACTIVE' AND o.type IN ('GRASSROOTS_CELL', 'SUBORDINATE_CELL')"""
                        .formatted(scope.sql("o.path", "scope"), Subtree.condition("o.path", "cycle")))
                .setParameter("cycle", cycleId);
        scope.bind(q::setParameter, "scope");
        Subtree.bind(q::setParameter, "cycle", c.scopePath());
        Object[] r = (Object[]) q.getSingleResult();
        long cells = Sql.number(r[0]);
        long before = Sql.number(r[3]);
        return new Results.Coverage(cycleId, under, cells, Sql.number(r[1]), Sql.number(r[2]), before, ReportService.percent(before, cells));
    }

    private static final String SELECT = """
            SELECT i.id, i.cycle_id, i.organization_id, o.name, i.topic, i.planned_on, i.state, i.inspected_on, i.result, i.findings,
                i.planned_by, i.recorded_by, i.recorded_at, i.version, i.org_path
            FROM inspection i LEFT JOIN org_ref o ON o.id = i.organization_id""";

    private Results.InspectionResult inspection(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE i.id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(RecognitionService::inspection).orElseThrow(() -> ProblemException.notFound("inspection", id));
    }

    private static Results.InspectionResult inspection(Object[] x) {
        return new Results.InspectionResult((UUID) x[0], (UUID) x[1], (UUID) x[2], (String) x[3], (String) x[4], Sql.date(x[5]), (String) x[6],
                Sql.date(x[7]), (String) x[8], (String) x[9], (String) x[10], (String) x[11], Sql.instant(x[12]), Sql.number(x[13]));
    }

    private RatingSubjects.Subject organization(Cycle c, UUID id) {
        OrgRef o = orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.notKnownHere("organization", id, "evaluations", "organizationId"));
        if (!o.path.startsWith(c.scopePath())) {
            throw ProblemException.unprocessable("outside-cycle-scope", o.name + " is not in the subtree of cycle " + c.id());
        }
        return new RatingSubjects.Subject(SubjectType.ORGANIZATION, o.id, o.name, o);
    }

    /** The caller's scope, narrowed to an organization's subtree when one is given. */
    private Scope scope(UUID under) {
        if (under == null) {
            return caller.scope();
        }
        OrgRef o = orgs.findByIdOptional(under).orElseThrow(() -> ProblemException.invalid("organizationId", "is not a known organization"));
        caller.requireInScope(o.path, o.id);
        return new Scope(o.path);
    }
}
