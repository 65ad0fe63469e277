package vn.grassroots.organization.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.grassroots.organization.domain.Committee;

@ApplicationScoped
public class CommitteeRepository implements PanacheRepositoryBase<Committee, UUID> {
    public List<Committee> ofOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by startYear desc", organizationId);
    }

    public boolean termExists(UUID organizationId, String term) {
        return count("organizationId = ?1 and term = ?2", organizationId, term) > 0;
    }
}
