package vn.grassroots.common.stats;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the subtree counts (table subtree_count, db/common/V0_2__subtree_counts.sql): for one organization, the sums over
 * its whole subtree that its service's triggers keep exact in the same transaction as the facts. A report of a province
 * reads a few hundred rows, whatever the number of members, meetings or ratings below it.
 */
public final class SubtreeCounts {
    /** The key under which the whole tree is counted. */
    public static final UUID WHOLE_TREE = new UUID(0L, 0L);

    private SubtreeCounts() {}

    /**
     * The counts of the subtree of {@code organizationId} (null: the whole tree) for these metrics: metric → group →
     * amount, groups in their text order, groups with 0 left out.
     */
    public static Map<String, Map<String, Long>> read(EntityManager em, UUID organizationId, String... metrics) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (String m : metrics) {
            result.put(m, new LinkedHashMap<>());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT metric, k, n FROM subtree_count
                WHERE org_id = :org AND metric = ANY (cast(:metrics AS varchar[])) AND n <> 0 ORDER BY metric, k""")
                .setParameter("org", organizationId == null ? WHOLE_TREE : organizationId)
                .setParameter("metrics", "{" + String.join(",", metrics) + "}")
                .getResultList();
        for (Object[] r : rows) {
            result.get((String) r[0]).put((String) r[1], ((Number) r[2]).longValue());
        }
        return result;
    }
}
