package vn.grassroots.evaluations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.report.Vietnamese;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.stats.SubtreeCounts;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.repository.Sql;
import vn.grassroots.evaluations.service.Results.Group;
import vn.grassroots.evaluations.service.Results.LevelCount;
import vn.grassroots.evaluations.service.Results.SubjectSummary;

/**
 * Reports of decided ratings for a subtree and a year, the way provincial reports state them: counts and shares per
 * level, by organization type and by sector, the list behind each number, and year over year. Every number is one
 * SQL aggregate over the indexed path range; nothing loads ratings into memory beyond one page.
 */
@ApplicationScoped
public class ReportService {
    public static final String[] READERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY, Roles.AUDITOR};
    static final List<String> GRASSROOTS = List.of("GRASSROOTS_COMMITTEE", "GRASSROOTS_CELL");

    private final EntityManager em;
    private final Caller caller;
    private final OrgRefs orgs;
    private final PolicyService policies;

    public ReportService(EntityManager em, Caller caller, OrgRefs orgs, PolicyService policies) {
        this.em = em;
        this.caller = caller;
        this.orgs = orgs;
        this.policies = policies;
    }

    /** The subtree a report covers: the organization asked for (in the caller's scope), else the caller's whole scope. */
    public record Root(UUID organizationId, Scope scope) {}

    public Root root(UUID organizationId) {
        caller.requireRole(READERS);
        if (organizationId == null) {
            return new Root(caller.organizationId().orElse(null), caller.scope());
        }
        OrgRef o = orgs.findByIdOptional(organizationId).orElseThrow(() -> ProblemException.invalid("organizationId", "is not a known organization"));
        caller.requireInScope(o.path, o.id);
        return new Root(o.id, new Scope(o.path));
    }

    /** Where the subtree counts of a report's root are kept: its organization (last id of the path), or the whole tree. */
    static UUID countsKey(Root root) {
        if (root.scope().isAll()) {
            return SubtreeCounts.WHOLE_TREE;
        }
        String p = root.scope().prefix();
        return UUID.fromString(p.substring(p.lastIndexOf('/', p.length() - 2) + 1, p.length() - 1));
    }

    @Transactional
    public Results.Summary summary(UUID organizationId, int year, UUID cycleId) {
        Root root = root(organizationId);
        // The counts of the root's subtree for the year's cycles (one cycle when asked): a few hundred rows whatever the
        // number of ratings below. Keys: subject|A|level, subject|T|type|level, subject|S|sector|level (V4__report_counts).
        Query q = em.createNativeQuery("""
                SELECT c.k, sum(c.n) FROM subtree_count c
                WHERE c.org_id = :org AND c.metric IN (SELECT 'ev:' || y.id FROM cycle y WHERE y.year = :year%s)
                GROUP BY c.k HAVING sum(c.n) <> 0""".formatted(cycleId == null ? "" : " AND y.id = :cycle"))
                .setParameter("org", countsKey(root)).setParameter("year", year);
        if (cycleId != null) {
            q.setParameter("cycle", cycleId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> counts = q.getResultList();
        // The rows a GROUPING SETS recount gives: subject, level, type, sector, count, GROUPING(type), GROUPING(sector).
        List<Object[]> rows = new ArrayList<>();
        for (Object[] c : counts) {
            String[] k = ((String) c[0]).split("\\|", -1);
            long n = Sql.number(c[1]);
            switch (k[1]) {
                case "A" -> rows.add(new Object[] {k[0], k[2], null, null, n, 1, 1});
                case "T" -> rows.add(new Object[] {k[0], k[3], k[2], null, n, 0, 1});
                case "S" -> rows.add(new Object[] {k[0], k[3], null, k[2], n, 1, 0});
                default -> { }
            }
        }
        Map<SubjectType, Map<String, PolicyDocument.Level>> levels = levels(year, cycleId);
        SubjectSummary o = subject(SubjectType.ORGANIZATION, rows, levels.get(SubjectType.ORGANIZATION));
        SubjectSummary m = subject(SubjectType.MEMBER, rows, levels.get(SubjectType.MEMBER));
        Map<String, Long> grassroots = new HashMap<>();
        rows.stream().filter(r -> "ORGANIZATION".equals(r[0]) && grouping(r[5]) == 0 && GRASSROOTS.contains((String) r[2]))
                .forEach(r -> grassroots.merge((String) r[1], Sql.number(r[4]), Long::sum));
        Group g = group("GRASSROOTS", grassroots, levels.get(SubjectType.ORGANIZATION));
        return new Results.Summary(root.organizationId(), year, cycleId, o, g, m, statements(g, m));
    }

    private SubjectSummary subject(SubjectType type, List<Object[]> rows, Map<String, PolicyDocument.Level> levels) {
        Map<String, Long> overall = new HashMap<>();
        Map<String, Map<String, Long>> byType = new TreeMap<>();
        Map<String, Map<String, Long>> bySector = new TreeMap<>();
        for (Object[] r : rows) {
            if (!type.name().equals(r[0])) {
                continue;
            }
            String level = (String) r[1];
            long n = Sql.number(r[4]);
            boolean typeGrouped = grouping(r[5]) == 0;
            boolean sectorGrouped = grouping(r[6]) == 0;
            if (typeGrouped) {
                byType.computeIfAbsent((String) r[2], k -> new HashMap<>()).merge(level, n, Long::sum);
            } else if (sectorGrouped) {
                bySector.computeIfAbsent((String) r[3], k -> new HashMap<>()).merge(level, n, Long::sum);
            } else {
                overall.merge(level, n, Long::sum);
            }
        }
        Group all = group(type.name(), overall, levels);
        return new SubjectSummary(type.name(), all.total(), all.levels(),
                byType.entrySet().stream().map(e -> group(e.getKey(), e.getValue(), levels)).toList(),
                bySector.entrySet().stream().map(e -> group(e.getKey(), e.getValue(), levels)).toList());
    }

    /** Every level of the policy in order (zero counts included, so reports line up), then any other level found. */
    private static Group group(String name, Map<String, Long> counts, Map<String, PolicyDocument.Level> levels) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<LevelCount> out = new ArrayList<>();
        for (PolicyDocument.Level l : levels.values()) {
            long n = counts.getOrDefault(l.code(), 0L);
            out.add(new LevelCount(l.code(), l.name(), n, percent(n, total)));
        }
        counts.keySet().stream().filter(k -> !levels.containsKey(k)).sorted()
                .forEach(k -> out.add(new LevelCount(k, k, counts.get(k), percent(counts.get(k), total))));
        return new Group(name, total, out);
    }

    private static List<String> statements(Group grassroots, SubjectSummary members) {
        List<String> s = new ArrayList<>();
        if (grassroots.total() > 0) {
            s.add(Vietnamese.number(grassroots.total()) + " tổ chức cơ sở đảng được xếp loại: " + join(grassroots.levels()));
        }
        if (members.total() > 0) {
            s.add(Vietnamese.number(members.total()) + " đảng viên được xếp loại: " + join(members.levels()));
        }
        return s;
    }

    private static String join(List<LevelCount> levels) {
        return String.join("; ", levels.stream().map(l -> Vietnamese.number(l.count()) + " " + l.levelName().toLowerCase() + " ("
                + Vietnamese.percent(l.percent()) + ")").toList());
    }

    /** The name of every level of a year's policies, keyed by subject type and code: {@code MEMBER|EXCELLENT}. */
    public Map<String, String> levelNames(int year, UUID cycleId) {
        Map<String, String> names = new HashMap<>();
        levels(year, cycleId).forEach((type, byCode) -> byCode.values().forEach(l -> names.put(type.name() + "|" + l.code(), l.name())));
        return names;
    }

    /** Level names and order from the policies of the year's cycles (the first policy naming a code wins). */
    Map<SubjectType, Map<String, PolicyDocument.Level>> levels(int year, UUID cycleId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                SELECT DISTINCT policy_id FROM cycle WHERE year = ?1 AND (cast(?2 AS uuid) IS NULL OR id = ?2) ORDER BY policy_id""")
                .setParameter(1, year).setParameter(2, cycleId).getResultList();
        Map<SubjectType, Map<String, PolicyDocument.Level>> out = new HashMap<>();
        for (SubjectType t : SubjectType.values()) {
            List<PolicyDocument.Level> all = new ArrayList<>();
            for (UUID id : ids) {
                all.addAll(policies.document(id).levels(t));
            }
            Map<String, PolicyDocument.Level> m = new LinkedHashMap<>();
            all.stream().sorted(Comparator.comparing(PolicyDocument.Level::rank)).forEach(l -> m.putIfAbsent(l.code(), l));
            out.put(t, m);
        }
        return out;
    }

    /** Counts and shares per level for each year of a range, with the change in percentage points from the year before. */
    @Transactional
    public List<Results.YearRow> comparison(UUID organizationId, int fromYear, int toYear) {
        if (toYear < fromYear || toYear - fromYear > 20) {
            throw ProblemException.invalid("toYear", "must be from fromYear to fromYear + 20");
        }
        Root root = root(organizationId);
        // Overall counts per cycle of the years, from the subtree counts; a subject is rated once a year.
        Query q = em.createNativeQuery("""
                SELECT y.year, split_part(c.k, '|', 1) AS subject_type, split_part(c.k, '|', 3) AS level, sum(c.n)
                FROM cycle y JOIN subtree_count c ON c.org_id = :org AND c.metric = 'ev:' || y.id
                WHERE y.year BETWEEN :from AND :to AND split_part(c.k, '|', 2) = 'A'
                GROUP BY 1, 2, 3 HAVING sum(c.n) <> 0 ORDER BY 2, 1, 3""")
                .setParameter("org", countsKey(root)).setParameter("from", fromYear).setParameter("to", toYear);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<String, Long> totals = new HashMap<>();
        for (Object[] r : rows) {
            totals.merge(r[0] + "|" + r[1], Sql.number(r[3]), Long::sum);
        }
        Map<String, BigDecimal> shares = new HashMap<>();
        List<Results.YearRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            int year = ((Number) r[0]).intValue();
            BigDecimal p = percent(Sql.number(r[3]), totals.get(year + "|" + r[1]));
            shares.put(year + "|" + r[1] + "|" + r[2], p);
        }
        for (Object[] r : rows) {
            int year = ((Number) r[0]).intValue();
            BigDecimal p = shares.get(year + "|" + r[1] + "|" + r[2]);
            BigDecimal before = totals.containsKey((year - 1) + "|" + r[1])
                    ? shares.getOrDefault((year - 1) + "|" + r[1] + "|" + r[2], BigDecimal.ZERO.setScale(2)) : null;
            out.add(new Results.YearRow(year, (String) r[1], (String) r[2], Sql.number(r[3]), p, before == null ? null : p.subtract(before)));
        }
        return out;
    }

    static BigDecimal percent(long n, long total) {
        return total == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    private static int grouping(Object o) {
        return ((Number) o).intValue();
    }
}
