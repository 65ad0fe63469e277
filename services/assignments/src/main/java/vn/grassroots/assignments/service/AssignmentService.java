package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.grassroots.assignments.domain.Assignment;
import vn.grassroots.assignments.domain.Enums.CoverageLevel;
import vn.grassroots.assignments.domain.Enums.TargetType;
import vn.grassroots.assignments.domain.Household;
import vn.grassroots.assignments.domain.Level;
import vn.grassroots.assignments.domain.MemberRef;
import vn.grassroots.assignments.events.DomainEvents;
import vn.grassroots.assignments.repository.MemberReadModel;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.stats.SubtreeCounts;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;

/** Monitoring assignments: creation, ending (by hand or when the person or organization goes), coverage, attendance duty. */
@ApplicationScoped
public class AssignmentService {
    static final String GRASSROOTS_TYPES = "('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL')";
    static final String CELL_TYPES = "('GRASSROOTS_CELL','SUBORDINATE_CELL')";

    @Inject
    EntityManager em;

    @Inject
    Access access;

    @Inject
    MemberReadModel members;

    @Inject
    DomainEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    VietnamClock clock;

    @Inject
    CoverageDay coverageDay;

    @Transactional
    public Results.AssignmentView create(Commands.CreateAssignment r) {
        access.requireWriter();
        OrgRef targetOrg;
        if (r.targetType() == TargetType.ORGANIZATION) {
            targetOrg = access.activeOrganizationInScope(r.targetId(), "targetId");
        } else {
            Household h = Household.findById(r.targetId());
            if (h == null) {
                throw ProblemException.unprocessable("unknown-household", "household " + r.targetId() + " does not exist",
                        new FieldError("targetId", "is not a known household"));
            }
            targetOrg = access.activeOrganizationInScope(h.organizationId, "targetId");
        }
        Assignment.requireRoleFitsTarget(r.role(), r.targetType(), targetOrg.isCell());
        OrgRef deciding = access.activeOrganizationInScope(r.decidingOrganizationId(), "decidingOrganizationId");
        if (!deciding.contains(targetOrg)) {
            throw ProblemException.unprocessable("deciding-organization-not-above",
                    "the deciding organization must be the target organization or one of its ancestors",
                    new FieldError("decidingOrganizationId", "is not the target's organization or above it"));
        }
        MemberRef person = members.findById(r.personId());
        if (person == null) {
            throw ProblemException.notKnownHere("member", r.personId(), "assignments", "personId");
        }
        if (!person.isActive()) {
            throw ProblemException.unprocessable("inactive-member", "member " + r.personId() + " is " + person.status,
                    new FieldError("personId", "is not an active member (PROBATIONARY or OFFICIAL)"));
        }
        Assignment.requireValidPeriod(r.validFrom(), r.validTo());
        boolean duplicate = !em.createNativeQuery("""
                SELECT 1 FROM assignment WHERE person_id = ?1 AND target_id = ?2 AND role = ?3 AND status = 'ACTIVE'""")
                .setParameter(1, r.personId()).setParameter(2, r.targetId()).setParameter(3, r.role().name())
                .getResultList().isEmpty();
        if (duplicate) {
            throw ProblemException.conflict("duplicate-assignment", "this person already has this role on this target");
        }
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.personId = r.personId();
        a.targetType = r.targetType().name();
        a.targetId = r.targetId();
        a.organizationId = targetOrg.id;
        a.decidingOrganizationId = deciding.id;
        a.level = Level.decidedBy(deciding).name();
        a.role = r.role().name();
        a.validFrom = r.validFrom();
        a.validTo = r.validTo();
        if (r.decision() != null) {
            a.decisionNumber = r.decision().number();
            a.decisionDate = r.decision().date();
        }
        a.note = r.note();
        a.status = "ACTIVE";
        a.createdAt = a.updatedAt = Instant.now();
        a.version = 1;
        a.persist();
        events.assignment(DomainEvents.ASSIGNMENT_CREATED, a.id);
        Results.AssignmentView view = Results.AssignmentView.of(a);
        audit.record("assignment.created", "Assignment", a.id, targetOrg.path, null, view);
        return view;
    }

    @Transactional
    public Results.AssignmentView end(UUID id, Commands.EndAssignment r, String ifMatch) {
        access.requireWriter();
        Assignment a = Assignment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("assignment", id);
        }
        OrgRef org = access.owningOrganization(a.organizationId);
        vn.grassroots.common.web.ETags.check(ifMatch, a.version);
        Results.AssignmentView before = Results.AssignmentView.of(a);
        a.end(r.reason(), r.endedOn(), clock.today(), Instant.now());
        events.assignment(DomainEvents.ASSIGNMENT_ENDED, a.id);
        Results.AssignmentView view = Results.AssignmentView.of(a);
        audit.record("assignment.ended", "Assignment", a.id, org.path, before, view);
        return view;
    }

    @Transactional
    public Results.AssignmentView get(UUID id) {
        access.requireReader();
        Assignment a = Assignment.findById(id);
        if (a == null) {
            throw ProblemException.notFound("assignment", id);
        }
        access.owningOrganization(a.organizationId);
        return Results.AssignmentView.of(a);
    }

    @Transactional
    public Page<Results.AssignmentView> list(UUID organizationId, UUID personId, UUID targetId, String status, String role,
            String cursor, Integer limit) {
        access.requireReader();
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Scope scope = access.caller().scope();
        String subtree = organizationId == null ? null : access.organizationInScope(organizationId, "organizationId").path;
        Query q = em.createNativeQuery("""
                SELECT a.* FROM assignment a JOIN org_ref o ON o.id = a.organization_id
                WHERE %s AND %s
                  AND (cast(:person AS uuid) IS NULL OR a.person_id = cast(:person AS uuid))
                  AND (cast(:target AS uuid) IS NULL OR a.target_id = cast(:target AS uuid))
                  AND (cast(:status AS text) IS NULL OR a.status = cast(:status AS text))
                  AND (cast(:role AS text) IS NULL OR a.role = cast(:role AS text))
                  AND (cast(:after AS uuid) IS NULL OR a.id > cast(:after AS uuid))
                ORDER BY a.id LIMIT :limit""".formatted(scope.sql("o.path", "scope"),
                        subtree == null ? "TRUE" : Subtree.condition("o.path", "sub")), Assignment.class)
                .setParameter("person", personId)
                .setParameter("target", targetId)
                .setParameter("status", status)
                .setParameter("role", role)
                .setParameter("after", after == null ? null : uuid(after[0]))
                .setParameter("limit", n + 1);
        scope.bind(q::setParameter, "scope");
        if (subtree != null) {
            Subtree.bind(q::setParameter, "sub", subtree);
        }
        @SuppressWarnings("unchecked")
        List<Assignment> rows = q.getResultList();
        return Cursor.page(rows, n, Results.AssignmentView::of, a -> Cursor.encode(a.id.toString()));
    }

    /**
     * Ends every active assignment of a person who left the Party's work, with that reason. Called by the member
     * consumer in its transaction; publishes one ended event per assignment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endForPerson(UUID personId, String reason) {
        return endWhere("person_id = :key AND status = 'ACTIVE'", personId, reason);
    }

    /** Ends every active assignment on a dissolved or merged organization (or on a household of it), with that reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endForOrganization(UUID organizationId, String reason) {
        return endWhere("organization_id = :key AND status = 'ACTIVE'", organizationId, reason);
    }

    private int endWhere(String condition, UUID key, String reason) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM assignment WHERE " + condition + " ORDER BY id FOR UPDATE")
                .setParameter("key", key).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        String array = ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("""
                UPDATE assignment SET status = 'ENDED', end_reason = :reason, ended_on = greatest(:today, valid_from),
                    updated_at = now(), version = version + 1
                WHERE id = ANY(cast(:ids AS uuid[]))""")
                .setParameter("reason", reason).setParameter("today", clock.today()).setParameter("ids", array)
                .executeUpdate();
        return events.assignments(DomainEvents.ASSIGNMENT_ENDED, "p.id = ANY(cast(:ids AS uuid[]))", Map.of("ids", array));
    }

    /** The subtree a report covers: the named organization (in scope), else the caller's own subtree. */
    private String reportPath(UUID organizationId) {
        access.requireReader();
        if (organizationId != null) {
            return access.organizationInScope(organizationId, "organizationId").path;
        }
        Scope scope = access.caller().scope();
        return scope.prefix(); // null: the whole tree (admins)
    }

    /**
     * Coverage from the subtree counts (V2__coverage_counts.sql): a few rows of subtree_count, exact as of today
     * (CoverageDay brings them to today first when the day changed).
     */
    @Transactional
    public Results.Coverage coverage(UUID organizationId) {
        String path = reportPath(organizationId);
        coverageDay.current();
        Map<String, Long> n = SubtreeCounts.read(em, path == null ? null : lastId(path), "coverage").get("coverage");
        return new Results.Coverage(organizationId, level(n, "grassroots"), level(n, "cells"), level(n, "households"));
    }

    /** The name of the report's subtree root (organizationId, or the caller's scope); null for the whole tree. */
    @Transactional
    public String subtreeName(UUID organizationId) {
        String path = reportPath(organizationId);
        OrgRef o = path == null ? null : em.find(OrgRef.class, lastId(path));
        return o == null ? null : o.name;
    }

    /** Gaps: targets of the level in the subtree whose in-force count (coverage_target, as of today) is 0. */
    @Transactional
    public Page<Results.Gap> gaps(UUID organizationId, CoverageLevel level, String cursor, Integer limit) {
        String path = reportPath(organizationId);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        coverageDay.current();
        String sql = switch (level) {
            case GRASSROOTS -> """
                    SELECT o.id, 'ORGANIZATION', o.name, o.id FROM org_ref o WHERE o.status = 'ACTIVE' AND o.type IN %s AND %s
                      AND NOT EXISTS (SELECT 1 FROM coverage_target x WHERE x.target_id = o.id AND x.provincial > 0)
                      AND (cast(:after AS uuid) IS NULL OR o.id > cast(:after AS uuid)) ORDER BY o.id LIMIT :limit"""
                    .formatted(GRASSROOTS_TYPES, range(path));
            case CELL -> """
                    SELECT o.id, 'ORGANIZATION', o.name, o.id FROM org_ref o WHERE o.status = 'ACTIVE' AND o.type IN %s AND %s
                      AND NOT EXISTS (SELECT 1 FROM coverage_target x WHERE x.target_id = o.id AND x.district > 0)
                      AND (cast(:after AS uuid) IS NULL OR o.id > cast(:after AS uuid)) ORDER BY o.id LIMIT :limit"""
                    .formatted(CELL_TYPES, range(path));
            case HOUSEHOLD -> """
                    SELECT h.id, 'HOUSEHOLD', h.head_name || ', ' || h.address, h.organization_id
                    FROM household h JOIN org_ref o ON o.id = h.organization_id WHERE o.status = 'ACTIVE' AND %s
                      AND NOT EXISTS (SELECT 1 FROM coverage_target x WHERE x.target_id = h.id AND x.any_level > 0)
                      AND (cast(:after AS uuid) IS NULL OR h.id > cast(:after AS uuid)) ORDER BY h.id LIMIT :limit"""
                    .formatted(range(path));
        };
        Query q = em.createNativeQuery(sql)
                .setParameter("after", after == null ? null : uuid(after[0])).setParameter("limit", n + 1);
        bindRange(q, path);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, n, r -> new Results.Gap((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3]),
                r -> Cursor.encode(r[0].toString()));
    }

    @Transactional
    public Page<Results.AttendanceDuty> attendance(UUID organizationId, UUID personId, YearMonth from, YearMonth to,
            String cursor, Integer limit) {
        String path = reportPath(organizationId);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.invalid("to", "the period spans at most 5 years");
        }
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        // LEAST ignores NULLs: the period ends at the end of the range, the assignment's end or its validTo
        Query q = em.createNativeQuery("""
                SELECT a.id, a.person_id, m.full_name, a.organization_id, o.name, count(h.id),
                       count(h.id) FILTER (WHERE a.person_id = ANY(h.superior_attendee_ids))
                FROM assignment a
                JOIN org_ref o ON o.id = a.organization_id
                LEFT JOIN member_ref m ON m.id = a.person_id
                LEFT JOIN held_meeting h ON h.organization_id = a.organization_id AND h.kind = 'REGULAR'
                     AND h.meeting_date >= greatest(:from, a.valid_from) AND h.meeting_date <= least(:to, a.valid_to, a.ended_on)
                WHERE a.role = 'ATTENDS_MEETINGS' AND a.target_type = 'ORGANIZATION' AND %s
                  AND a.valid_from <= :to AND (least(a.valid_to, a.ended_on) IS NULL OR least(a.valid_to, a.ended_on) >= :from)
                  AND (cast(:person AS uuid) IS NULL OR a.person_id = cast(:person AS uuid))
                  AND (cast(:after AS uuid) IS NULL OR a.id > cast(:after AS uuid))
                GROUP BY a.id, a.person_id, m.full_name, a.organization_id, o.name
                ORDER BY a.id LIMIT :limit""".formatted(range(path)))
                .setParameter("from", from.atDay(1))
                .setParameter("to", to.atEndOfMonth())
                .setParameter("person", personId)
                .setParameter("after", after == null ? null : uuid(after[0]))
                .setParameter("limit", n + 1);
        bindRange(q, path);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, n, r -> {
            long held = ((Number) r[5]).longValue();
            long attended = ((Number) r[6]).longValue();
            return new Results.AttendanceDuty((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4], held,
                    attended, share(attended, held));
        }, r -> Cursor.encode(r[0].toString()));
    }

    /** The same duty summed per assignee over all the cells they attend (one row per person). */
    @Transactional
    public Page<Results.PersonAttendance> attendanceByPerson(UUID organizationId, YearMonth from, YearMonth to,
            String cursor, Integer limit) {
        String path = reportPath(organizationId);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.invalid("to", "the period spans at most 5 years");
        }
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Query q = em.createNativeQuery("""
                SELECT a.person_id, max(m.full_name), count(DISTINCT a.organization_id), count(h.id),
                       count(h.id) FILTER (WHERE a.person_id = ANY(h.superior_attendee_ids))
                FROM assignment a
                JOIN org_ref o ON o.id = a.organization_id
                LEFT JOIN member_ref m ON m.id = a.person_id
                LEFT JOIN held_meeting h ON h.organization_id = a.organization_id AND h.kind = 'REGULAR'
                     AND h.meeting_date >= greatest(:from, a.valid_from) AND h.meeting_date <= least(:to, a.valid_to, a.ended_on)
                WHERE a.role = 'ATTENDS_MEETINGS' AND a.target_type = 'ORGANIZATION' AND %s
                  AND a.valid_from <= :to AND (least(a.valid_to, a.ended_on) IS NULL OR least(a.valid_to, a.ended_on) >= :from)
                  AND (cast(:after AS uuid) IS NULL OR a.person_id > cast(:after AS uuid))
                GROUP BY a.person_id
                ORDER BY a.person_id LIMIT :limit""".formatted(range(path)))
                .setParameter("from", from.atDay(1))
                .setParameter("to", to.atEndOfMonth())
                .setParameter("after", after == null ? null : uuid(after[0]))
                .setParameter("limit", n + 1);
        bindRange(q, path);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, n, r -> {
            long held = ((Number) r[3]).longValue();
            long attended = ((Number) r[4]).longValue();
            return new Results.PersonAttendance((UUID) r[0], (String) r[1], ((Number) r[2]).longValue(), held, attended,
                    share(attended, held));
        }, r -> Cursor.encode(r[0].toString()));
    }

    private static Results.LevelCoverage level(Map<String, Long> counts, String key) {
        long total = counts.getOrDefault(key, 0L);
        long covered = counts.getOrDefault(key + "_covered", 0L);
        return new Results.LevelCoverage(total, covered, total - covered, share(covered, total));
    }

    /** The organization at the end of a path ("/a/b/c/" → c). */
    private static UUID lastId(String path) {
        String[] parts = path.split("/");
        return UUID.fromString(parts[parts.length - 1]);
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(10000.0 * part / whole) / 10000.0;
    }

    private static String range(String path) {
        return path == null ? "TRUE" : Subtree.condition("o.path", "sub");
    }

    private static void bindRange(Query q, String path) {
        if (path != null) {
            Subtree.bind(q::setParameter, "sub", path);
        }
    }

    static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }
}
