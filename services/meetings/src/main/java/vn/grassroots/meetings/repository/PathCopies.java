package vn.grassroots.meetings.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.grassroots.common.tree.Merge;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.common.tree.OrganizationNode;
import vn.grassroots.common.tree.OrganizationTree;

/**
 * The tree's reaction in this service (see vn.grassroots.common.tree.OrganizationEvents): meetings carry a copy of their
 * organization's path (so a scope filter is one range on the meeting table), and every path change of org_ref is
 * copied here in the same transaction, a move in one statement.
 */
@ApplicationScoped
public class PathCopies implements OrganizationEvents.Reaction {
    private final EntityManager em;
    private final OrganizationTree tree;

    public PathCopies(EntityManager em, OrganizationTree tree) {
        this.em = em;
        this.tree = tree;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void written(OrganizationNode o, Merge merge) {
        em.createNativeQuery(
                        "UPDATE meeting SET organization_path = :path WHERE organization_id = :id AND organization_path <> :path")
                .setParameter("path", o.path()).setParameter("id", o.id()).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(String oldPath, String newPath) {
        tree.rewriteCopies("meeting", "organization_path", oldPath, newPath);
    }
}
