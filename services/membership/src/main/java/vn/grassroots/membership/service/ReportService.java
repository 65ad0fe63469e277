package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.stats.SubtreeCounts;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.membership.domain.AgeBand;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.TheoryLevel;

/**
 * Statistics of a subtree from the subtree counts its triggers keep (no member row is read); party badges, a keyset page
 * on the indexed path range.
 */
@ApplicationScoped
public class ReportService {
    public static final BigDecimal TARGET_MIN = new BigDecimal("3.00");
    public static final BigDecimal TARGET_MAX = new BigDecimal("4.00");
    /** Current members, not in transit (an official transfer not yet accepted is counted by neither side). */
    private static final String CURRENT = "m.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT') AND m.in_transit_transfer_id IS NULL";
    /** The subtree count metrics of members (V7__member_subtree_counts.sql). */
    static final String STATUS = "member_status", GENDER = "member_gender", THEORY = "member_theory", ETHNICITY = "member_ethnicity",
            BIRTH = "member_birth", BIRTH_YEAR = "member_birth_year", ADMISSION = "member_admission";

    private final VietnamClock clock;
    private final EntityManager em;
    private final Access access;

    public ReportService(VietnamClock clock, EntityManager em, Access access) {
        this.clock = clock;
        this.em = em;
        this.access = access;
    }

    @Transactional
    public Results.Statistics statistics(UUID organizationId, Integer fromYear, Integer toYear) {
        UUID org = subtreeOrganization(organizationId);
        LocalDate today = clock.today();
        int to = toYear == null ? today.getYear() : toYear;
        int from = fromYear == null ? to - 4 : fromYear;
        if (to < from || to - from > 50) {
            throw ProblemException.invalid("fromYear", "must be at most 50 years before toYear, and not after it");
        }
        // the subtree counts kept by the triggers of V7__member_subtree_counts.sql: a few hundred rows, whatever the size
        Map<String, Map<String, Long>> counts = SubtreeCounts.read(em, org, STATUS, GENDER, THEORY, ETHNICITY, ADMISSION);
        Map<String, Long> byStatus = zeros(MemberStatus.values());
        byStatus.putAll(counts.get(STATUS));
        Map<String, Long> byGender = zeros(Gender.values());
        byGender.putAll(counts.get(GENDER));
        Map<String, Long> byTheory = zeros(TheoryLevel.values());
        byTheory.putAll(counts.get(THEORY));
        Map<String, Long> byEthnicity = counts.get(ETHNICITY);
        Map<String, Long> byAge = zeros(AgeBand.values());
        byAge.putAll(ageBands(org, today));
        long members = byGender.values().stream().mapToLong(Long::longValue).sum();

        List<Results.AdmissionYear> years = admissionYears(counts.get(ADMISSION), from, to);
        return new Results.Statistics(organizationId, today, members, byStatus, byGender, byAge, byEthnicity, byTheory, years);
    }

    /** Per year from..to, the members admitted and those at its start, and the admission rate against the target. */
    private static List<Results.AdmissionYear> admissionYears(Map<String, Long> admissions, int from, int to) {
        // k = "<admission year>/<year membership ended>" ("<admission year>/" while it has not)
        long[] admitted = new long[to - from + 1];
        long[] atStart = new long[to - from + 1];
        admissions.forEach((k, n) -> {
            int slash = k.indexOf('/');
            int a = Integer.parseInt(k.substring(0, slash));
            int ended = slash == k.length() - 1 ? Integer.MAX_VALUE : Integer.parseInt(k.substring(slash + 1));
            for (int y = from; y <= to; y++) {
                if (a == y) {
                    admitted[y - from] += n;
                } else if (a < y && ended >= y) {
                    atStart[y - from] += n;
                }
            }
        });
        List<Results.AdmissionYear> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            long in = admitted[y - from];
            long start = atStart[y - from];
            BigDecimal rate = start == 0 ? null
                    : BigDecimal.valueOf(in * 100L).divide(BigDecimal.valueOf(start), 2, RoundingMode.HALF_UP);
            String position = rate == null ? null
                    : rate.compareTo(TARGET_MIN) < 0 ? "BELOW" : rate.compareTo(TARGET_MAX) > 0 ? "ABOVE" : "WITHIN";
            years.add(new Results.AdmissionYear(y, in, start, rate, TARGET_MIN, TARGET_MAX, "WITHIN".equals(position), position));
        }
        return years;
    }

    /**
     * Current members by age band on {@code today}, exact: a year of birth holding none of the bands' limit dates lies
     * in one band whole and is read as one row (member_birth_year); the few years holding a limit are read by date.
     */
    private Map<String, Long> ageBands(UUID org, LocalDate today) {
        TreeSet<Integer> limitYears = new TreeSet<>();
        for (AgeBand b : AgeBand.values()) {
            limitYears.add(b.bornAfter(today).getYear());
            limitYears.add(b.bornOnOrBefore(today).getYear());
        }
        StringBuilder sql = new StringBuilder("""
                SELECT k, n FROM subtree_count WHERE org_id = :org AND metric = '""").append(BIRTH_YEAR).append("""
                ' AND n <> 0 AND NOT (k = ANY (cast(:years AS varchar[])))
                UNION ALL
                SELECT k, n FROM subtree_count WHERE org_id = :org AND metric = '""").append(BIRTH).append("' AND n <> 0 AND (");
        Map<String, Object> p = new LinkedHashMap<>();
        int i = 0;
        for (int y : limitYears) {
            // ISO dates of one year: one range of the primary key (fixed-width digits sort alike in every collation)
            sql.append(i == 0 ? "" : " OR ").append("k BETWEEN :from").append(i).append(" AND :to").append(i);
            p.put("from" + i, LocalDate.of(y, 1, 1).toString());
            p.put("to" + i, LocalDate.of(y, 12, 31).toString());
            i++;
        }
        sql.append(")");
        Query q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        q.setParameter("org", org == null ? SubtreeCounts.WHOLE_TREE : org);
        q.setParameter("years", "{" + String.join(",", limitYears.stream().map(y -> String.format("%04d", y)).toList()) + "}");
        Map<String, Long> result = new TreeMap<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            result.merge(band((String) r[0], today), ((Number) r[1]).longValue(), Long::sum);
        }
        return result;
    }

    /** The age band on {@code today} of a birth year ("1970") or date ("1970-05-01") key; UNKNOWN when none holds it. */
    private static String band(String k, LocalDate today) {
        LocalDate born = k.indexOf('-', 1) < 0 ? LocalDate.of(Integer.parseInt(k), 1, 1) : LocalDate.parse(k);
        for (AgeBand b : AgeBand.values()) {
            if (born.isAfter(b.bornAfter(today)) && !born.isAfter(b.bornOnOrBefore(today))) {
                return b.name();
            }
        }
        return "UNKNOWN";
    }

    /**
     * Members of the subtree who reach a badge year in {@code year}: 30, 40, 45, 50, 55, then every 5 years from 60
     * (60, 65, 70 …), counted from the admission date. Current members only.
     */
    @Transactional
    public Page<Results.Badge> badges(UUID organizationId, int year, String cursor, int limit) {
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
        return Cursor.page(rows, limit, r -> new Results.Badge((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                r[4] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[4], ((Number) r[5]).intValue(),
                MemberStatus.valueOf((String) r[6])), r -> Cursor.encode((String) r[7], r[0].toString()));
    }

    /** The organization whose subtree is asked for (default: the caller's scope; null = whole tree for admins). */
    private UUID subtreeOrganization(UUID organizationId) {
        String path = subtreePath(organizationId);
        if (path == null) {
            return null;
        }
        String[] ids = path.substring(1, path.length() - 1).split("/");
        return UUID.fromString(ids[ids.length - 1]);
    }

    /** The name of the subtree's organization, for a report's header; null for the whole tree. */
    public String subtreeName(UUID organizationId) {
        UUID org = subtreeOrganization(organizationId);
        OrgRef o = org == null ? null : em.find(OrgRef.class, org);
        return o == null ? null : o.name;
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

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            m.put(v.name(), 0L);
        }
        return m;
    }
}
