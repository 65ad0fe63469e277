package vn.grassroots.organization.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.security.OrganizationPaths;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.stats.SubtreeCounts;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.organization.domain.Organization;
import vn.grassroots.organization.domain.OrganizationState;
import vn.grassroots.organization.domain.OrganizationStatus;
import vn.grassroots.organization.domain.Records;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;

/**
 * The tree in PostgreSQL. Every subtree question is a prefix predicate on the indexed path;
 * every list is a keyset page ordered by (search_name, id).
 */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID>, OrganizationPaths {

    private final ObjectMapper json;

    public OrganizationRepository(ObjectMapper json) {
        this.json = json;
    }

    /** What a list may be narrowed to; null fields do not filter. */
    public record Filter(Scope scope, String withinPath, UUID excludeId, UUID parentId, List<OrganizationType> types,
            List<Sector> sectors, List<OrganizationStatus> statuses, String nameQuery, Integer maxDepth) {}

    @Override
    public Optional<String> pathOf(UUID organizationId) {
        return getEntityManager().createQuery("select o.path from Organization o where o.id = :id", String.class)
                .setParameter("id", organizationId)
                .getResultStream().findFirst();
    }

    /**
     * Reads an organization that is about to get a child, locked FOR SHARE: a concurrent move of its subtree
     * (which locks every row of the subtree FOR UPDATE first) waits for us, or we see its new path.
     */
    public Optional<Organization> lockShared(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    /** Locks every row of a subtree before its paths are rewritten, so no child is created in it meanwhile. */
    public void lockSubtree(String path) {
        getEntityManager().flush();
        Query q = getEntityManager().createNativeQuery(
                "SELECT id FROM organization WHERE " + Subtree.condition("path", "subtree") + " FOR UPDATE");
        Subtree.bind(q::setParameter, "subtree", path);
        q.getResultList();
    }

    public boolean codeTaken(String code, UUID exceptId) {
        return code != null && count("code = ?1 and id <> ?2", code, exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    /** One organization as the API and the events show it, read after flushing pending changes. */
    public OrganizationState view(UUID id) {
        getEntityManager().flush();
        Object state = getEntityManager()
                .createNativeQuery("SELECT organization_state(o)::text FROM organization o WHERE o.id = ?1")
                .setParameter(1, id).getSingleResult();
        return read(state);
    }

    public Page<OrganizationState> list(Filter f, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT organization_state(o)::text, o.search_name, o.id FROM organization o WHERE ")
                .append(f.scope().sql("o.path", "scope"));
        Map<String, Object> p = new HashMap<>();
        f.scope().bind(p::put, "scope");
        if (f.withinPath() != null) {
            sql.append(" AND ").append(Subtree.condition("o.path", "within"));
            Subtree.bind(p::put, "within", f.withinPath());
        }
        if (f.excludeId() != null) {
            sql.append(" AND o.id <> :exclude");
            p.put("exclude", f.excludeId());
        }
        if (f.parentId() != null) {
            sql.append(" AND o.parent_id = :parent");
            p.put("parent", f.parentId());
        }
        appendValueFilters(f, sql, p);
        String[] after = Cursor.decode(cursor, 2);
        if (after != null) {
            sql.append(" AND (o.search_name, o.id) > (:afterName, :afterId)");
            p.put("afterName", after[0]);
            p.put("afterId", Cursor.id(after[1]));
        }
        sql.append(" ORDER BY o.search_name, o.id LIMIT :limit");
        p.put("limit", limit + 1);
        if (f.nameQuery() != null && !f.nameQuery().isBlank()) {
            // A prepared statement soon gets a generic plan, which cannot see how rare the pattern is and walks the
            // (search_name, id) index in order, filtering most of the tree (0.7-5 s over 300,000 organizations). A plan
            // for the actual pattern takes the trigram index (organization_name_trgm) for a rare one and still walks
            // the name index for a common one. Local to this transaction.
            getEntityManager().createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
                    .getSingleResult();
        }
        Query q = getEntityManager().createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, limit, r -> read(r[0]), r -> Cursor.encode((String) r[1], r[2].toString()));
    }

    /** The filters on types, sectors, statuses, name words and depth that are given. */
    private static void appendValueFilters(Filter f, StringBuilder sql, Map<String, Object> p) {
        if (f.types() != null && !f.types().isEmpty()) {
            sql.append(" AND o.type IN (:types)");
            p.put("types", f.types().stream().map(Enum::name).toList());
        }
        if (f.sectors() != null && !f.sectors().isEmpty()) {
            sql.append(" AND o.sector IN (:sectors)");
            p.put("sectors", f.sectors().stream().map(Enum::name).toList());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            sql.append(" AND o.status IN (:statuses)");
            p.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.nameQuery() != null && !f.nameQuery().isBlank()) {
            sql.append(" AND name_matches(o.search_name, :phrase) AND ' ' || o.search_name LIKE :q");
            p.put("phrase", SearchText.phraseQuery(f.nameQuery()));
            p.put("q", SearchText.wordStartPattern(f.nameQuery()));
        }
        if (f.maxDepth() != null) {
            sql.append(" AND o.depth <= :maxDepth");
            p.put("maxDepth", f.maxDepth());
        }
    }

    /** The chain from the root down to the organization at {@code path}, root first. */
    public List<OrganizationState> ancestors(String path) {
        List<UUID> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(UUID.fromString(part));
            }
        }
        ids.remove(ids.size() - 1);
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = getEntityManager().createNativeQuery(
                        "SELECT organization_state(o)::text FROM organization o WHERE o.id IN (:ids) ORDER BY o.depth")
                .setParameter("ids", ids).getResultList();
        return rows.stream().map(this::read).toList();
    }

    public long activeChildren(UUID id) {
        return count("parentId = ?1 and status = ?2", id, OrganizationStatus.ACTIVE);
    }

    public List<Organization> activeChildrenOf(UUID id) {
        return list("parentId = ?1 and status = ?2", id, OrganizationStatus.ACTIVE);
    }

    /**
     * Moves the subtree at {@code oldPath} under {@code newParentPath}: one statement rewrites the path and
     * depth of every descendant, however deep, and the moved root gets its new parent.
     */
    public int rewriteSubtree(String oldPath, String newPath, int depthDelta) {
        getEntityManager().flush();
        Query q = getEntityManager().createNativeQuery(
                        "UPDATE organization SET path = :newPath || substr(path, :cut), depth = depth + :delta WHERE "
                                + Subtree.condition("path", "old"))
                .setParameter("newPath", newPath)
                .setParameter("cut", oldPath.length() + 1)
                .setParameter("delta", depthDelta);
        Subtree.bind(q::setParameter, "old", oldPath);
        return q.executeUpdate();
    }

    /**
     * Statistics of a subtree from the subtree counts (V2__organization_counts.sql): a few rows kept exact by the
     * triggers on organization, whatever the size of the subtree.
     */
    public Records.Statistics statistics(UUID id) {
        Map<String, Map<String, Long>> counts = SubtreeCounts.read(getEntityManager(), id, "org_status", "org_type", "org_sector");
        Map<OrganizationType, Long> byType = new EnumMap<>(OrganizationType.class);
        Map<Sector, Long> bySector = new EnumMap<>(Sector.class);
        Map<OrganizationStatus, Long> byStatus = new EnumMap<>(OrganizationStatus.class);
        counts.get("org_type").forEach((k, n) -> byType.put(OrganizationType.valueOf(k), n));
        counts.get("org_sector").forEach((k, n) -> bySector.put(Sector.valueOf(k), n));
        counts.get("org_status").forEach((k, n) -> byStatus.put(OrganizationStatus.valueOf(k), n));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Records.Statistics(id, total, byStatus.getOrDefault(OrganizationStatus.ACTIVE, 0L), byType, bySector,
                byStatus);
    }

    private OrganizationState read(Object jsonText) {
        try {
            return json.readValue(jsonText.toString(), OrganizationState.class);
        } catch (Exception e) {
            throw new IllegalStateException("organization_state does not match OrganizationState", e);
        }
    }
}
