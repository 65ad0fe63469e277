package vn.grassroots.membership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.grassroots.membership.domain.OrgRef;

/**
 * Reads the read model of the organization tree (org_ref). The shared vn.grassroots.common.tree.OrganizationTree writes
 * it and answers the caller's scope.
 */
@ApplicationScoped
public class OrganizationReadModel implements PanacheRepositoryBase<OrgRef, UUID> {
}
