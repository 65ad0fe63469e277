package vn.grassroots.common.tree;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads a service's read model of the tree (org_ref); {@link OrganizationTree} writes it. */
@ApplicationScoped
public class OrgRefs implements PanacheRepositoryBase<OrgRef, UUID> {
}
