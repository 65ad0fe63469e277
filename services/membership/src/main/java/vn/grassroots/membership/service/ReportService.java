package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.membership.api.Reports;
import vn.grassroots.membership.domain.AgeBand;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.OrgRef;
import vn.grassroots.membership.domain.TheoryLevel;

/** Statistics and party badges of a subtree, each one grouped query on the indexed path range. */
@ApplicationScoped
public class ReportService {
    public static final BigDecimal TARGET_MIN = new BigDecimal("3.00");
    public static final BigDecimal TARGET_MAX = new BigDecimal("4.00");
    /** Current members, not in transit (an official transfer not yet accepted is counted by neither side). */
    private static final String CURRENT = "m.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT') AND m.in_transit_transfer_id IS NULL";
    /** Statuses that end membership; status_since is the day it ended. */
    private static final String ENDED = "m.status IN ('TRANSFERRED_OUT', 'REMOVED', 'EXPELLED', 'DECEASED')";

    @Inject
    EntityManager em;

    @Inject
    Access access;

    @Transactional
    public Reports.Statistics statistics(UUID organizationId, Integer fromYear, Integer toYear) {
        String path = subtreePath(organizationId);
        LocalDate today = MemberService.today();
        int to = toYear == null ? today.getYear() : toYear;
        int from = fromYear == null ? to - 4 : fromYear;
        if (to < from || to - from > 50) {
            throw ProblemException.invalid("fromYear", "must be at most 50 years before toYear, and not after it");
        }
        Map<String, Long> byStatus = zeros(MemberStatus.values());
        group("m.status", null, path).forEach((k, v) -> byStatus.put(k, v));
        Map<String, Long> byGender = zeros(Gender.values());
        group("m.gender", CURRENT, path).forEach(byGender::put);
        Map<String, Long> byTheory = zeros(TheoryLevel.values());
        group("m.theory_level", CURRENT, path).forEach(byTheory::put);
        Map<String, Long> byEthnicity = group("coalesce(m.ethnicity, 'UNKNOWN')", CURRENT, path);
        Map<String, Long> byAge = zeros(AgeBand.values());
        StringBuilder band = new StringBuilder("CASE");
        for (AgeBand b : AgeBand.values()) {
            band.append(" WHEN m.birth_date > DATE '").append(b.bornAfter(today)).append("' AND m.birth_date <= DATE '")
                    .append(b.bornOnOrBefore(today)).append("' THEN '").append(b.name()).append("'");
        }
        band.append(" ELSE 'UNKNOWN' END");
        group(band.toString(), CURRENT, path).forEach(byAge::put);
        long members = byGender.values().stream().mapToLong(Long::longValue).sum();

        List<Reports.AdmissionYear> years = new ArrayList<>();
        Query q = em.createNativeQuery("""
                SELECT y,
                       count(*) FILTER (WHERE m.admission_date >= make_date(y, 1, 1) AND m.admission_date < make_date(y + 1, 1, 1)),
                       count(*) FILTER (WHERE m.admission_date < make_date(y, 1, 1)
                                         AND (NOT (%s) OR m.status_since >= make_date(y, 1, 1)))
                FROM generate_series(:from, :to) AS y
                LEFT JOIN (member m JOIN org_ref o ON o.id = m.organization_id AND %s) ON TRUE
                GROUP BY y ORDER BY y""".formatted(ENDED, path == null ? "TRUE" : Subtree.condition("o.path", "sub")))
                .setParameter("from", from).setParameter("to", to);
        if (path != null) {
            Subtree.bind(q::setParameter, "sub", path);
        }
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            int y = ((Number) r[0]).intValue();
            long admitted = ((Number) r[1]).longValue();
            long atStart = ((Number) r[2]).longValue();
            BigDecimal rate = atStart == 0 ? null
                    : BigDecimal.valueOf(admitted * 100L).divide(BigDecimal.valueOf(atStart), 2, RoundingMode.HALF_UP);
            years.add(new Reports.AdmissionYear(y, admitted, atStart, rate, TARGET_MIN, TARGET_MAX,
                    rate != null && rate.compareTo(TARGET_MIN) >= 0));
        }
        return new Reports.Statistics(organizationId, today, members, byStatus, byGender, byAge, byEthnicity, byTheory, years);
    }

    /**
     * Members of the subtree who reach a badge year in {@code year}: 30, 40, 45, 50, 55, then every 5 years from 60
     * (60, 65, 70 …), counted from the admission date. Current members only.
     */
    @Transactional
    public Page<Reports.Badge> badges(UUID organizationId, int year, String cursor, int limit) {
        String path = subtreePath(organizationId);
        StringBuilder sql = new StringBuilder("""
                SELECT m.id, m.full_name, m.organization_id, o.name, m.admission_date, :year - extract(year FROM m.admission_date)::int,
                       m.status, m.search_name
                FROM member m JOIN org_ref o ON o.id = m.organization_id
                WHERE""").append(' ').append(CURRENT).append(" AND").append("""
                 (:year - extract(year FROM m.admission_date)::int IN (30, 40, 45, 50, 55)
                      OR (:year - extract(year FROM m.admission_date)::int >= 60 AND (:year - extract(year FROM m.admission_date)::int) % 5 = 0))""");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("year", year);
        if (path != null) {
            sql.append(" AND ").append(Subtree.condition("o.path", "sub"));
            Subtree.bind(p::put, "sub", path);
        }
        String[] after = Cursor.decode(cursor, 2);
        if (after != null) {
            sql.append(" AND (m.search_name, m.id) > (:an, cast(:aid AS uuid))");
            p.put("an", after[0]);
            p.put("aid", after[1]);
        }
        sql.append(" ORDER BY m.search_name, m.id LIMIT ").append(limit + 1);
        Query q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, limit, r -> new Reports.Badge((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                r[4] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[4], ((Number) r[5]).intValue(),
                MemberStatus.valueOf((String) r[6])), r -> Cursor.encode((String) r[7], r[0].toString()));
    }

    /** The path of the subtree asked for (default: the caller's scope; null = whole tree for admins). */
    private String subtreePath(UUID organizationId) {
        access.caller().requireRole(Access.SUBTREE_READERS);
        if (organizationId == null) {
            return access.caller().scope().prefix();
        }
        OrgRef o = access.organizationInScopeForReading(organizationId, false);
        return o.path;
    }

    private Map<String, Long> group(String expression, String where, String path) {
        String sql = "SELECT " + expression + " AS k, count(*) FROM member m JOIN org_ref o ON o.id = m.organization_id WHERE "
                + (path == null ? "TRUE" : Subtree.condition("o.path", "sub")) + (where == null ? "" : " AND " + where)
                + " GROUP BY 1 ORDER BY 1";
        Query q = em.createNativeQuery(sql);
        if (path != null) {
            Subtree.bind(q::setParameter, "sub", path);
        }
        Map<String, Long> result = new LinkedHashMap<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            result.put((String) r[0], ((Number) r[1]).longValue());
        }
        return result;
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            m.put(v.name(), 0L);
        }
        return m;
    }
}
