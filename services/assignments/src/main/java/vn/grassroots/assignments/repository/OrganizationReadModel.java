package vn.grassroots.assignments.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.grassroots.assignments.domain.OrgRef;

/**
 * Reads the read model of the organization tree (org_ref). The shared vn.grassroots.common.tree.OrganizationTree writes
 * it (from the organization service's topics) and answers the caller's scope.
 */
@ApplicationScoped
public class OrganizationReadModel implements PanacheRepositoryBase<OrgRef, UUID> {

    public Optional<String> pathOf(UUID organizationId) {
        return getEntityManager().createQuery("select o.path from OrgRef o where o.id = :id", String.class)
                .setParameter("id", organizationId)
                .getResultStream().findFirst();
    }
}
