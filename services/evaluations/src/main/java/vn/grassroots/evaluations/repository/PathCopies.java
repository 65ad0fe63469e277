package vn.grassroots.evaluations.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.tree.OrganizationEvents;

/**
 * The tree's reaction in this service (see vn.grassroots.common.tree.OrganizationEvents): a move also rewrites the
 * paths copied into ratings, recognitions and inspections for the reports, one statement per table.
 */
@ApplicationScoped
public class PathCopies implements OrganizationEvents.Reaction {
    private final EntityManager em;

    public PathCopies(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(String oldPath, String newPath) {
        for (String table : new String[] {"rating", "recognition", "inspection"}) {
            Query r = em.createNativeQuery("UPDATE " + table + " SET org_path = :newPath || substr(org_path, :cut) WHERE "
                            + Subtree.condition("org_path", "old"))
                    .setParameter("newPath", newPath)
                    .setParameter("cut", oldPath.length() + 1);
            Subtree.bind(r::setParameter, "old", oldPath);
            r.executeUpdate();
        }
    }
}
