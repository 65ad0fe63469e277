package vn.grassroots.meetings.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;

/**
 * Compliance of a subtree over a period, computed in SQL: cells (GRASSROOTS_CELL, SUBORDINATE_CELL, ACTIVE) missing
 * a held REGULAR meeting in a month or a held THEMATIC meeting in a quarter, attendance rates per cell and per
 * member, and the share of meetings the assigned superior committee member attended. "Held" means HELD or
 * MINUTES_APPROVED. A month or quarter that has not started yet (after today) is never counted as missed.
 */
@ApplicationScoped
public class ComplianceService {
    private static final String HELD = "m.state IN ('HELD', 'MINUTES_APPROVED')";
    private static final String CELLS = "o.type IN ('GRASSROOTS_CELL', 'SUBORDINATE_CELL') AND o.status = 'ACTIVE' AND " + Subtree.condition("o.path", "sub");
    private static final String PERIODS = """
            months AS (SELECT to_char(g, 'YYYY-MM') AS label, g::date AS starts, (g + interval '1 month')::date AS ends
                       FROM generate_series(date_trunc('month', cast(:from AS date)), cast(:to AS date), interval '1 month') g
                       WHERE g::date <= cast(:today AS date)),
            quarters AS (SELECT to_char(g, 'YYYY-"Q"Q') AS label, g::date AS starts, (g + interval '3 months')::date AS ends
                         FROM generate_series(date_trunc('quarter', cast(:from AS date)), cast(:to AS date), interval '3 months') g
                         WHERE g::date <= cast(:today AS date))""";
    private static final String PER_CELL = """
            (SELECT string_agg(mo.label, ',' ORDER BY mo.label) FROM months mo WHERE NOT EXISTS (SELECT 1 FROM meeting m
                WHERE m.organization_id = c.id AND m.kind = 'REGULAR' AND %1$s AND m.meeting_date >= mo.starts AND m.meeting_date < mo.ends)) AS missing_regular,
            (SELECT string_agg(q.label, ',' ORDER BY q.label) FROM quarters q WHERE NOT EXISTS (SELECT 1 FROM meeting m
                WHERE m.organization_id = c.id AND m.kind = 'THEMATIC' AND %1$s AND m.meeting_date >= q.starts AND m.meeting_date < q.ends)) AS missing_thematic,
            s.held, s.below, s.expected, s.present, s.sup_expected, s.sup_attended
            FROM cells c LEFT JOIN LATERAL (SELECT count(*) AS held, count(*) FILTER (WHERE NOT m.quorum_met) AS below,
                coalesce(sum(m.expected), 0) AS expected, coalesce(sum(m.present), 0) AS present,
                count(*) FILTER (WHERE m.superior_expected) AS sup_expected,
                count(*) FILTER (WHERE m.superior_expected AND m.superior_attended) AS sup_attended
                FROM meeting m WHERE m.organization_id = c.id AND %1$s AND m.meeting_date BETWEEN :from AND :to) s ON true""".formatted(HELD);

    private final VietnamClock clock;
    private final EntityManager em;
    private final Access access;

    public ComplianceService(VietnamClock clock, EntityManager em, Access access) {
        this.clock = clock;
        this.em = em;
        this.access = access;
    }

    public record Period(OrgRef root, LocalDate from, LocalDate to) {}

    /** Checks the caller, the organization (in scope) and the period (at most 5 years, from ≤ to). */
    public Period period(UUID organizationId, LocalDate from, LocalDate to) {
        access.caller().requireRole(Access.SUBTREE_READERS);
        if (organizationId == null) {
            throw ProblemException.invalid("organizationId", "is required: the root of the subtree to report on");
        }
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "is required (yyyy-mm-dd)");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw ProblemException.invalid("to", "the period spans at most 5 years");
        }
        return new Period(access.organizationInScope(organizationId, "organizationId"), from, to);
    }

    @Transactional
    public Page<Results.CellCompliance> cells(Period p, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Query q = em.createNativeQuery("WITH cells AS (SELECT o.id, o.name, o.path FROM org_ref o WHERE " + CELLS
                + " AND (cast(:after AS text) IS NULL OR o.path > cast(:after AS text) COLLATE \"C\") ORDER BY o.path LIMIT :limit), "
                + PERIODS + " SELECT c.id, c.name, c.path, " + PER_CELL + " ORDER BY c.path")
                .setParameter("after", after == null ? null : after[0]).setParameter("limit", n + 1);
        bind(q, p);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, n, r -> {
            long held = num(r[5]), expected = num(r[7]), present = num(r[8]), supExpected = num(r[9]), supAttended = num(r[10]);
            return new Results.CellCompliance((UUID) r[0], (String) r[1], (String) r[2], split(r[3]), split(r[4]), (int) held,
                    (int) num(r[6]), expected, present, rate(present, expected), (int) supExpected, (int) supAttended,
                    rate(supAttended, supExpected));
        }, r -> Cursor.encode((String) r[2]));
    }

    /**
     * The summary from the subtree counts (V3__compliance_counts.sql): the sums of the whole months of the period and the
     * cells' month and quarter masks are the root's own rows; a partial month at an edge of the period is summed from
     * the meetings of those days; a period over several calendar years counts the cells that missed a month or quarter
     * from their per-month rows (meeting_month). Always equal to the recount over the meetings (ComplianceTest).
     */
    @Transactional
    public Results.ComplianceSummary summary(Period p) {
        UUID org = p.root().id;
        LocalDate from = p.from(), to = p.to(), today = clock.today();
        long[] sums = sums(p, from, to);
        long cells = num(em.createNativeQuery("SELECT coalesce(max(n), 0) FROM subtree_count WHERE org_id = :org AND metric = 'cells' AND k = ''")
                .setParameter("org", org).getSingleResult());
        long[] missing = missing(p, cells, from, to, today);
        long missingRegular = missing[0], missingThematic = missing[1];
        return new Results.ComplianceSummary(org, from, to, cells, missingRegular, missingThematic, sums[0], sums[1],
                rate(sums[3], sums[2]), sums[4], sums[5], rate(sums[5], sums[4]));
    }

    /** Held, below quorum, expected, present, superior expected and attended: whole months from the counts, the rest by day. */
    private long[] sums(Period p, LocalDate from, LocalDate to) {
        UUID org = p.root().id;
        YearMonth firstFull = YearMonth.from(from.getDayOfMonth() == 1 ? from : from.plusMonths(1));
        YearMonth lastFull = YearMonth.from(to.plusDays(1).getDayOfMonth() == 1 ? to : to.minusMonths(1));
        long[] sums = new long[6]; // held, below quorum, expected, present, superior expected, superior attended
        if (!firstFull.isAfter(lastFull)) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT metric, sum(n) FROM subtree_count WHERE org_id = :org
                      AND metric IN ('held', 'below_quorum', 'expected', 'present', 'superior_expected', 'superior_attended')
                      AND k >= :first AND k <= :last GROUP BY metric""")
                    .setParameter("org", org).setParameter("first", firstFull.toString()).setParameter("last", lastFull.toString())
                    .getResultList();
            for (Object[] r : rows) {
                sums[SUMS.indexOf((String) r[0])] += num(r[1]);
            }
            if (from.isBefore(firstFull.atDay(1))) {
                addDays(sums, p, from, firstFull.atDay(1).minusDays(1));
            }
            if (to.isAfter(lastFull.atEndOfMonth())) {
                addDays(sums, p, lastFull.atEndOfMonth().plusDays(1), to);
            }
        } else {
            addDays(sums, p, from, to);
        }
        return sums;
    }

    /** The cells that missed a regular month and a thematic quarter of the period's started ones. */
    private long[] missing(Period p, long cells, LocalDate from, LocalDate to, LocalDate today) {
        UUID org = p.root().id;
        // months and quarters of the period that have started (a later one is never missed)
        YearMonth m0 = YearMonth.from(from), m1 = min(YearMonth.from(to), YearMonth.from(today));
        YearMonth q0 = quarterStart(m0), q1 = min(quarterStart(YearMonth.from(to)), quarterStart(YearMonth.from(today)));
        if (m0.getYear() == m1.getYear() && q0.getYear() == q1.getYear()) {
            long missingRegular = m0.isAfter(m1) ? 0 : cells - heldAll(org, "regular_months", m0.getYear(),
                    bits(m0.getMonthValue() - 1, m1.getMonthValue() - 1));
            long missingThematic = q0.isAfter(q1) ? 0 : cells - heldAll(org, "thematic_quarters", q0.getYear(),
                    bits((q0.getMonthValue() - 1) / 3, (q1.getMonthValue() - 1) / 3));
            return new long[] {missingRegular, missingThematic};
        } else {
            long months = m0.isAfter(m1) ? 0 : m1.getYear() * 12L + m1.getMonthValue() - m0.getYear() * 12L - m0.getMonthValue() + 1;
            long quarters = q0.isAfter(q1) ? 0 : (q1.getYear() * 12L + q1.getMonthValue() - q0.getYear() * 12L - q0.getMonthValue()) / 3 + 1;
            Query q = em.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE :months > 0 AND r.c < :months), count(*) FILTER (WHERE :quarters > 0 AND t.c < :quarters)
                    FROM org_ref o
                    CROSS JOIN LATERAL (SELECT count(*) AS c FROM meeting_month mm WHERE mm.org_id = o.id AND mm.regular > 0
                                          AND mm.month >= :m0 AND mm.month <= :m1) r
                    CROSS JOIN LATERAL (SELECT count(DISTINCT date_trunc('quarter', mm.month)) AS c FROM meeting_month mm
                                        WHERE mm.org_id = o.id AND mm.thematic > 0 AND mm.month >= :q0 AND mm.month < :q1) t
                    WHERE %s""".formatted(CELLS))
                    .setParameter("months", months).setParameter("quarters", quarters)
                    .setParameter("m0", m0.atDay(1)).setParameter("m1", m1.atDay(1))
                    .setParameter("q0", q0.atDay(1)).setParameter("q1", q1.plusMonths(3).atDay(1));
            Subtree.bind(q::setParameter, "sub", p.root().path);
            Object[] r = (Object[]) q.getSingleResult();
            return new long[] {num(r[0]), num(r[1])};
        }
    }

    private static final List<String> SUMS = List.of("held", "below_quorum", "expected", "present", "superior_expected", "superior_attended");

    /** Adds the held meetings of the counted cells of the subtree between these days (a partial month). */
    private void addDays(long[] sums, Period p, LocalDate a, LocalDate b) {
        Query q = em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE NOT m.quorum_met), coalesce(sum(m.expected), 0), coalesce(sum(m.present), 0),
                       count(*) FILTER (WHERE m.superior_expected), count(*) FILTER (WHERE m.superior_expected AND m.superior_attended)
                FROM meeting m JOIN org_ref o ON o.id = m.organization_id
                WHERE m.meeting_date BETWEEN :a AND :b AND %s AND %s""".formatted(HELD, CELLS))
                .setParameter("a", a).setParameter("b", b);
        Subtree.bind(q::setParameter, "sub", p.root().path);
        Object[] r = (Object[]) q.getSingleResult();
        for (int i = 0; i < sums.length; i++) {
            sums[i] += num(r[i]);
        }
    }

    /** The counted cells of the subtree whose mask of that year has every bit of {@code set}. */
    private long heldAll(UUID org, String metric, int year, int set) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT k, n FROM subtree_count WHERE org_id = :org AND metric = :metric AND k LIKE :year")
                .setParameter("org", org).setParameter("metric", metric).setParameter("year", year + ":%").getResultList();
        long n = 0;
        for (Object[] r : rows) {
            int mask = Integer.parseInt(((String) r[0]).substring(((String) r[0]).indexOf(':') + 1));
            if ((mask & set) == set) {
                n += num(r[1]);
            }
        }
        return n;
    }

    private static int bits(int first, int last) {
        return ((1 << (last + 1)) - 1) & ~((1 << first) - 1);
    }

    private static YearMonth quarterStart(YearMonth m) {
        return m.withMonth((m.getMonthValue() - 1) / 3 * 3 + 1);
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    /** Attendance per member over the held meetings of the subtree in the period, by member id. */
    @Transactional
    public Page<Results.MemberCompliance> members(Period p, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        UUID afterId = after == null ? null : Cursor.id(after[0]);
        Query q = em.createNativeQuery("""
                SELECT a.member_id, max(a.full_name), count(*), count(*) FILTER (WHERE a.status = 'PRESENT'),
                       count(*) FILTER (WHERE a.status = 'ABSENT_EXCUSED'), count(*) FILTER (WHERE a.status = 'ABSENT_UNEXCUSED')
                FROM meeting m JOIN attendance a ON a.meeting_id = m.id
                WHERE %s AND %s AND m.meeting_date BETWEEN :from AND :to
                  AND (cast(:after AS uuid) IS NULL OR a.member_id > :after)
                GROUP BY a.member_id ORDER BY a.member_id LIMIT :limit""".formatted(Subtree.condition("m.organization_path", "sub"), HELD))
                .setParameter("from", p.from()).setParameter("to", p.to()).setParameter("after", afterId).setParameter("limit", n + 1);
        Subtree.bind(q::setParameter, "sub", p.root().path);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, n, r -> new Results.MemberCompliance((UUID) r[0], (String) r[1], num(r[2]), num(r[3]), num(r[4]),
                num(r[5]), rate(num(r[3]), num(r[2]))), r -> Cursor.encode(r[0].toString()));
    }

    private void bind(Query q, Period p) {
        q.setParameter("from", p.from()).setParameter("to", p.to()).setParameter("today", clock.today());
        Subtree.bind(q::setParameter, "sub", p.root().path);
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static List<String> split(Object s) {
        return s == null ? List.of() : Arrays.asList(((String) s).split(","));
    }
}
