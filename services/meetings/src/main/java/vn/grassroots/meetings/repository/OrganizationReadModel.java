package vn.grassroots.meetings.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.UUID;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.common.tree.OrganizationNode;
import vn.grassroots.meetings.domain.OrgRef;

/**
 * Reads the read model of the organization tree (org_ref), which the shared vn.grassroots.common.tree.OrganizationTree
 * writes. Meetings carry a copy of their organization's path (so a scope filter is one range on the meeting table):
 * as the tree's reaction, every path change there is copied here in the same transaction, a move in one statement.
 */
@ApplicationScoped
public class OrganizationReadModel implements PanacheRepositoryBase<OrgRef, UUID>, OrganizationEvents.Reaction {

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void written(String type, JsonNode event, OrganizationNode o) {
        getEntityManager().createNativeQuery(
                        "UPDATE meeting SET organization_path = :path WHERE organization_id = :id AND organization_path <> :path")
                .setParameter("path", o.path()).setParameter("id", o.id()).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void moved(String oldPath, String newPath) {
        Query m = getEntityManager().createNativeQuery(
                        "UPDATE meeting SET organization_path = :newPath || substr(organization_path, :cut) WHERE "
                                + Subtree.condition("organization_path", "old"))
                .setParameter("newPath", newPath)
                .setParameter("cut", oldPath.length() + 1);
        Subtree.bind(m::setParameter, "old", oldPath);
        m.executeUpdate();
    }
}
