package vn.grassroots.organization.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.grassroots.organization.domain.WorkingRegulation;

@ApplicationScoped
public class WorkingRegulationRepository implements PanacheRepositoryBase<WorkingRegulation, UUID> {
    public List<WorkingRegulation> ofOrganization(UUID organizationId) {
        return list("organizationId = ?1 order by issuedOn desc", organizationId);
    }

    public boolean numberExists(UUID organizationId, String documentNumber) {
        return count("organizationId = ?1 and documentNumber = ?2", organizationId, documentNumber) > 0;
    }
}
