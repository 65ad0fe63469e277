package vn.grassroots.evaluations.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.UUID;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.evaluations.domain.OrgRef;

/**
 * Reads the read model of the organization tree (org_ref), which the shared vn.grassroots.common.tree.OrganizationTree
 * writes. As the tree's reaction, a move also rewrites the paths copied into ratings, recognitions and inspections for
 * the reports, one statement per table.
 */
@ApplicationScoped
public class OrganizationReadModel implements PanacheRepositoryBase<OrgRef, UUID>, OrganizationEvents.Reaction {

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(String oldPath, String newPath) {
        for (String table : new String[] {"rating", "recognition", "inspection"}) {
            Query r = getEntityManager().createNativeQuery("UPDATE " + table + " SET org_path = :newPath || substr(org_path, :cut) WHERE "
                            + Subtree.condition("org_path", "old"))
                    .setParameter("newPath", newPath)
                    .setParameter("cut", oldPath.length() + 1);
            Subtree.bind(r::setParameter, "old", oldPath);
            r.executeUpdate();
        }
    }
}
