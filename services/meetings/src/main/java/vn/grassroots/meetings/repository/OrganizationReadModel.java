package vn.grassroots.meetings.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import vn.grassroots.common.security.OrganizationPaths;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.meetings.domain.OrgRef;

/**
 * The read model of the organization tree (org_ref), written only by the consumers of the organization service's
 * topics; answers {@link OrganizationPaths} for the caller's scope. Meetings carry a copy of their organization's
 * path (so a scope filter is one range on the meeting table); every path change here is copied there in the same
 * transaction, a move in one statement per table.
 */
@ApplicationScoped
public class OrganizationReadModel implements PanacheRepositoryBase<OrgRef, UUID>, OrganizationPaths {

    @Override
    public Optional<String> pathOf(UUID organizationId) {
        return getEntityManager().createQuery("select o.path from OrgRef o where o.id = :id", String.class)
                .setParameter("id", organizationId)
                .getResultStream().findFirst();
    }

    /** Stores an organization unless a newer version is stored (an equal version is applied again: see membership). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(OrgRef o) {
        boolean written = getEntityManager().createNativeQuery("""
                INSERT INTO org_ref (id, parent_id, path, depth, type, status, name, version, applied_at)
                VALUES (:id, :parent, :path, :depth, :type, :status, :name, :version, now())
                ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, depth = EXCLUDED.depth,
                    type = EXCLUDED.type, status = EXCLUDED.status, name = EXCLUDED.name, version = EXCLUDED.version,
                    applied_at = now()
                WHERE org_ref.version <= EXCLUDED.version""")
                .setParameter("id", o.id)
                .setParameter("parent", o.parentId)
                .setParameter("path", o.path)
                .setParameter("depth", o.depth)
                .setParameter("type", o.type)
                .setParameter("status", o.status)
                .setParameter("name", o.name)
                .setParameter("version", o.version)
                .executeUpdate() == 1;
        if (written) {
            getEntityManager().createNativeQuery(
                            "UPDATE meeting SET organization_path = :path WHERE organization_id = :id AND organization_path <> :path")
                    .setParameter("path", o.path).setParameter("id", o.id).executeUpdate();
        }
        return written;
    }

    /** A move: every path of the moved subtree starts with {@code newPath} instead of {@code oldPath}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rewriteSubtree(String oldPath, String newPath) {
        int depthDelta = depth(newPath) - depth(oldPath);
        Query q = getEntityManager().createNativeQuery(
                        "UPDATE org_ref SET path = :newPath || substr(path, :cut), depth = depth + :delta WHERE "
                                + Subtree.condition("path", "old"))
                .setParameter("newPath", newPath)
                .setParameter("cut", oldPath.length() + 1)
                .setParameter("delta", depthDelta);
        Subtree.bind(q::setParameter, "old", oldPath);
        q.executeUpdate();
        Query m = getEntityManager().createNativeQuery(
                        "UPDATE meeting SET organization_path = :newPath || substr(organization_path, :cut) WHERE "
                                + Subtree.condition("organization_path", "old"))
                .setParameter("newPath", newPath)
                .setParameter("cut", oldPath.length() + 1);
        Subtree.bind(m::setParameter, "old", oldPath);
        m.executeUpdate();
    }

    public long versionOf(UUID id) {
        return getEntityManager().createQuery("select o.version from OrgRef o where o.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(-1L);
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
