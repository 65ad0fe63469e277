package vn.grassroots.assignments.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import vn.grassroots.assignments.domain.OrgRef;
import vn.grassroots.common.security.OrganizationPaths;
import vn.grassroots.common.security.Subtree;

/**
 * The read model of the organization tree (org_ref), written only by the consumers of the organization service's
 * topics; answers {@link OrganizationPaths} for the caller's scope. Same pattern as membership's read model.
 */
@ApplicationScoped
public class OrganizationReadModel implements PanacheRepositoryBase<OrgRef, UUID>, OrganizationPaths {

    @Override
    public Optional<String> pathOf(UUID organizationId) {
        return getEntityManager().createQuery("select o.path from OrgRef o where o.id = :id", String.class)
                .setParameter("id", organizationId)
                .getResultStream().findFirst();
    }

    /**
     * Stores the state of one organization unless a newer version is stored. An equal version is applied again:
     * a move rewrites the paths below the moved organization without changing their versions.
     *
     * @return true when the row was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(OrgRef o) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO org_ref (id, parent_id, path, depth, type, sector, status, name, version, applied_at)
                VALUES (:id, :parent, :path, :depth, :type, :sector, :status, :name, :version, now())
                ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, depth = EXCLUDED.depth,
                    type = EXCLUDED.type, sector = EXCLUDED.sector, status = EXCLUDED.status, name = EXCLUDED.name,
                    version = EXCLUDED.version, applied_at = now()
                WHERE org_ref.version <= EXCLUDED.version""")
                .setParameter("id", o.id)
                .setParameter("parent", o.parentId)
                .setParameter("path", o.path)
                .setParameter("depth", o.depth)
                .setParameter("type", o.type)
                .setParameter("sector", o.sector)
                .setParameter("status", o.status)
                .setParameter("name", o.name)
                .setParameter("version", o.version)
                .executeUpdate() == 1;
    }

    /** A move: every path of the moved subtree starts with {@code newPath} instead of {@code oldPath}, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rewriteSubtree(String oldPath, String newPath) {
        int depthDelta = depth(newPath) - depth(oldPath);
        Query q = getEntityManager().createNativeQuery(
                        "UPDATE org_ref SET path = :newPath || substr(path, :cut), depth = depth + :delta WHERE "
                                + Subtree.condition("path", "old"))
                .setParameter("newPath", newPath)
                .setParameter("cut", oldPath.length() + 1)
                .setParameter("delta", depthDelta);
        Subtree.bind(q::setParameter, "old", oldPath);
        return q.executeUpdate();
    }

    /** The version stored for an organization, or -1 when unknown. */
    public long versionOf(UUID id) {
        return getEntityManager().createQuery("select o.version from OrgRef o where o.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(-1L);
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
