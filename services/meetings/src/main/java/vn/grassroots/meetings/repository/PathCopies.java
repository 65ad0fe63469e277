package vn.grassroots.meetings.repository;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.common.tree.OrganizationNode;

/**
 * The tree's reaction in this service (see vn.grassroots.common.tree.OrganizationEvents): meetings carry a copy of their
 * organization's path (so a scope filter is one range on the meeting table), and every path change of org_ref is
 * copied here in the same transaction, a move in one statement.
 */
@ApplicationScoped
public class PathCopies implements OrganizationEvents.Reaction {
    private final EntityManager em;

    public PathCopies(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void written(String type, JsonNode event, OrganizationNode o) {
        em.createNativeQuery(
                        "UPDATE meeting SET organization_path = :path WHERE organization_id = :id AND organization_path <> :path")
                .setParameter("path", o.path()).setParameter("id", o.id()).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(String oldPath, String newPath) {
        Query m = em.createNativeQuery(
                        "UPDATE meeting SET organization_path = :newPath || substr(organization_path, :cut) WHERE "
                                + Subtree.condition("organization_path", "old"))
                .setParameter("newPath", newPath)
                .setParameter("cut", oldPath.length() + 1);
        Subtree.bind(m::setParameter, "old", oldPath);
        m.executeUpdate();
    }
}
