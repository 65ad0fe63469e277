package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.membership.domain.Decision;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.OrgRef;
import vn.grassroots.membership.events.MemberEvents;
import vn.grassroots.membership.repository.MemberRepository;
import vn.grassroots.membership.repository.OrganizationReadModel;

/**
 * When an organization is merged into a cell or party group, its current members move there with the merge's
 * decision (a "transferred" event each). When the target cannot hold members, or an organization is dissolved,
 * the members stay where they are and are listed by GET /api/v1/members/needing-transfer.
 */
@ApplicationScoped
public class MergeReaction {
    @Inject
    MemberRepository members;

    @Inject
    OrganizationReadModel orgs;

    @Inject
    MemberEvents events;

    @Inject
    AuditTrail audit;

    /** Runs in the consumer's transaction; returns how many members moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int merged(UUID sourceId, UUID targetId, Decision decision) {
        OrgRef target = orgs.findById(targetId);
        if (target == null || !target.holdsMembers() || !target.isActive()) {
            return 0;
        }
        List<Member> moving = members.list("organizationId = ?1 and status in ?2", sourceId,
                List.of(MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL, MemberStatus.EXEMPT));
        for (Member m : moving) {
            m.organizationId = target.id;
            m.updatedAt = Instant.now();
            members.flush();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fromOrganizationId", sourceId);
            details.put("toOrganizationId", target.id);
            details.put("reason", "organization merged into " + target.name);
            details.put("decision", decision);
            audit.record("member.moved-by-merge", "Member", m.id, target.path, Map.of("organizationId", sourceId),
                    Map.of("organizationId", target.id));
            events.member(MemberEvents.TRANSFERRED, m, details);
        }
        return moving.size();
    }
}
