package vn.grassroots.common.tree;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import vn.grassroots.common.security.OrganizationPaths;
import vn.grassroots.common.security.Subtree;

/**
 * A service's read model of the organization tree (table org_ref), kept from the organization service's topics by
 * {@link OrganizationEvents}; answers {@link OrganizationPaths} for the caller's scope. A default bean: the organization
 * service answers from its own table instead.
 */
@DefaultBean
@ApplicationScoped
public class OrganizationTree implements OrganizationPaths {
    private static final String TABLE = "org_ref";

    private final EntityManager em;

    public OrganizationTree(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> pathOf(UUID organizationId) {
        return first(read("SELECT path FROM org_ref WHERE id = :id").setParameter("id", organizationId)).map(String.class::cast);
    }

    /** The version stored for an organization, or -1 when unknown. */
    public long versionOf(UUID id) {
        return first(read("SELECT version FROM org_ref WHERE id = :id").setParameter("id", id))
                .map(v -> ((Number) v).longValue()).orElse(-1L);
    }

    /**
     * Stores the state of one organization unless a newer version is already stored. An equal version is applied
     * again: a move rewrites the paths of a subtree without changing the versions of the organizations below the
     * moved one, and their fresh state records carry the same version with the new path.
     *
     * @return true when the row was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(OrganizationNode o) {
        return em.createNativeQuery("""
                INSERT INTO org_ref (id, parent_id, path, depth, type, sector, status, name, version, applied_at)
                VALUES (:id, :parent, :path, :depth, :type, :sector, :status, :name, :version, now())
                ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, depth = EXCLUDED.depth,
                    type = EXCLUDED.type, sector = EXCLUDED.sector, status = EXCLUDED.status, name = EXCLUDED.name,
                    version = EXCLUDED.version, applied_at = now()
                WHERE org_ref.version <= EXCLUDED.version""")
                .setParameter("id", o.id())
                .setParameter("parent", o.parentId())
                .setParameter("path", o.path())
                .setParameter("depth", o.depth())
                .setParameter("type", o.type())
                .setParameter("sector", o.sector())
                .setParameter("status", o.status())
                .setParameter("name", o.name())
                .setParameter("version", o.version())
                .executeUpdate() == 1;
    }

    /** A move: every path of the moved subtree starts with {@code newPath} instead of {@code oldPath}, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rewriteSubtree(String oldPath, String newPath) {
        Query q = em.createNativeQuery("UPDATE org_ref SET path = :newPath || substr(path, :cut), depth = depth + :delta WHERE "
                        + Subtree.condition("path", "old"))
                .setParameter("newPath", newPath)
                .setParameter("cut", oldPath.length() + 1)
                .setParameter("delta", depth(newPath) - depth(oldPath));
        Subtree.bind(q::setParameter, "old", oldPath);
        return q.executeUpdate();
    }

    /**
     * A move, where a service copies its organizations' paths into {@code table.column} (for scope filters and
     * reports): the copies under {@code oldPath} start with {@code newPath} instead, in one statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rewriteCopies(String table, String column, String oldPath, String newPath) {
        Query q = em.createNativeQuery("UPDATE " + table + " SET " + column + " = :newPath || substr(" + column + ", :cut) WHERE "
                        + Subtree.condition(column, "old"))
                .setParameter("newPath", newPath)
                .setParameter("cut", oldPath.length() + 1);
        Subtree.bind(q::setParameter, "old", oldPath);
        return q.executeUpdate();
    }

    /** Depth of a path: "/root/" is 0. */
    public static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    private static Optional<Object> first(Query q) {
        return q.getResultList().stream().findFirst();
    }

    // Synchronized on org_ref only, so that a read flushes pending changes of org_ref alone, as a JPQL query on the
    // services' OrgRef entity would, not the whole persistence context.
    private Query read(String sql) {
        Query q = em.createNativeQuery(sql);
        q.unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE);
        return q;
    }
}
