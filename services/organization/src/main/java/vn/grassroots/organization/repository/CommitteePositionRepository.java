package vn.grassroots.organization.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.grassroots.organization.domain.CommitteePosition;
import vn.grassroots.organization.domain.Position;

@ApplicationScoped
public class CommitteePositionRepository implements PanacheRepositoryBase<CommitteePosition, UUID> {
    public List<CommitteePosition> ofCommittee(UUID committeeId) {
        return list("committeeId = ?1 order by position, since", committeeId);
    }

    public boolean sitting(UUID committeeId, Position position) {
        return count("committeeId = ?1 and position = ?2 and until is null", committeeId, position) > 0;
    }

    public boolean memberSitting(UUID committeeId, UUID memberId) {
        return count("committeeId = ?1 and memberId = ?2 and until is null", committeeId, memberId) > 0;
    }
}
