package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.assignments.domain.Enums.CoverageLevel;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.stats.SubtreeCounts;
import vn.grassroots.common.tree.OrgRef;

/**
 * The reports over assignments of a subtree: coverage (độ phủ) of grassroots organizations, cells and households, the
 * gaps behind it, and the attendance duty of those assigned to attend cells' meetings.
 */
@ApplicationScoped
public class CoverageReports {
    static final String GRASSROOTS_TYPES = "('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL')";
    static final String CELL_TYPES = "('GRASSROOTS_CELL','SUBORDINATE_CELL')";

    private final EntityManager em;
    private final Access access;
    private final CoverageDay coverageDay;

    public CoverageReports(EntityManager em, Access access, CoverageDay coverageDay) {
        this.em = em;
        this.access = access;
        this.coverageDay = coverageDay;
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
                .setParameter("after", after == null ? null : Cursor.id(after[0])).setParameter("limit", n + 1);
        bindRange(q, path);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, n, r -> new Results.Gap((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3]),
                r -> Cursor.encode(r[0].toString()));
    }

    @Transactional
    public Page<Results.AttendanceDuty> attendance(UUID organizationId, UUID personId, YearMonth from, YearMonth to,
            String cursor, Integer limit) {
        Attendance a = attendanceRequest(organizationId, from, to, cursor, limit);
        List<Object[]> rows = a.rows(em.createNativeQuery("""
                SELECT a.id, a.person_id, m.full_name, a.organization_id, o.name, count(h.id),
                       count(h.id) FILTER (WHERE a.person_id = ANY(h.superior_attendee_ids))
                %s
                  AND (cast(:person AS uuid) IS NULL OR a.person_id = cast(:person AS uuid))
                  AND (cast(:after AS uuid) IS NULL OR a.id > cast(:after AS uuid))
                GROUP BY a.id, a.person_id, m.full_name, a.organization_id, o.name
                ORDER BY a.id LIMIT :limit""".formatted(attendanceFrom(a.path()))).setParameter("person", personId));
        return Cursor.page(rows, a.n(), r -> {
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
        Attendance a = attendanceRequest(organizationId, from, to, cursor, limit);
        List<Object[]> rows = a.rows(em.createNativeQuery("""
                SELECT a.person_id, max(m.full_name), count(DISTINCT a.organization_id), count(h.id),
                       count(h.id) FILTER (WHERE a.person_id = ANY(h.superior_attendee_ids))
                %s
                  AND (cast(:after AS uuid) IS NULL OR a.person_id > cast(:after AS uuid))
                GROUP BY a.person_id
                ORDER BY a.person_id LIMIT :limit""".formatted(attendanceFrom(a.path()))));
        return Cursor.page(rows, a.n(), r -> {
            long held = ((Number) r[3]).longValue();
            long attended = ((Number) r[4]).longValue();
            return new Results.PersonAttendance((UUID) r[0], (String) r[1], ((Number) r[2]).longValue(), held, attended,
                    share(attended, held));
        }, r -> Cursor.encode(r[0].toString()));
    }

    /** The FROM and WHERE of both attendance reports: ATTENDS_MEETINGS assignments in the period, with the meetings held. */
    private static String attendanceFrom(String path) {
        // LEAST ignores NULLs: the period ends at the end of the range, the assignment's end or its validTo
        return """
                FROM assignment a
                JOIN org_ref o ON o.id = a.organization_id
                LEFT JOIN member_ref m ON m.id = a.person_id
                LEFT JOIN held_meeting h ON h.organization_id = a.organization_id AND h.kind = 'REGULAR'
                     AND h.meeting_date >= greatest(:from, a.valid_from) AND h.meeting_date <= least(:to, a.valid_to, a.ended_on)
                WHERE a.role = 'ATTENDS_MEETINGS' AND a.target_type = 'ORGANIZATION' AND %s
                  AND a.valid_from <= :to AND (least(a.valid_to, a.ended_on) IS NULL OR least(a.valid_to, a.ended_on) >= :from)"""
                .formatted(range(path));
    }

    /** An attendance report's checked request: the subtree, the period, the cursor and the page size. */
    private record Attendance(String path, YearMonth from, YearMonth to, String[] after, int n) {
        /** The rows of the report's query, with the period, the range, the cursor and the n + 1 limit bound. */
        List<Object[]> rows(Query q) {
            q.setParameter("from", from.atDay(1))
                    .setParameter("to", to.atEndOfMonth())
                    .setParameter("after", after == null ? null : Cursor.id(after[0]))
                    .setParameter("limit", n + 1);
            bindRange(q, path);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = q.getResultList();
            return rows;
        }
    }

    private Attendance attendanceRequest(UUID organizationId, YearMonth from, YearMonth to, String cursor, Integer limit) {
        String path = reportPath(organizationId);
        checkPeriod(from, to);
        int n = Cursor.limit(limit);
        return new Attendance(path, from, to, Cursor.decode(cursor, 1), n);
    }

    private static void checkPeriod(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.invalid("to", "the period spans at most 5 years");
        }
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

    /** part / whole to four decimals, as the reports show shares; 0 of nothing is 0. */
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
}
