package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.tree.Merge;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.common.tree.OrganizationNode;
import vn.grassroots.membership.domain.Decision;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.events.MemberEvents;
import vn.grassroots.membership.repository.MemberRepository;

/**
 * When an organization is merged into a cell or party group, its current members move there with the merge's
 * decision (a "transferred" event each). When the target cannot hold members, or an organization is dissolved,
 * the members stay where they are and are listed by GET /api/v1/members/needing-transfer.
 */
@ApplicationScoped
public class MergeReaction implements OrganizationEvents.Reaction {
    private final MemberRepository members;
    private final OrgRefs orgs;
    private final MemberEvents events;
    private final AuditTrail audit;

    public MergeReaction(MemberRepository members, OrgRefs orgs, MemberEvents events, AuditTrail audit) {
        this.members = members;
        this.orgs = orgs;
        this.events = events;
        this.audit = audit;
    }

    /** A merged event that merged its organization moves the members to the event's targetId. */
    @Override
    public void written(OrganizationNode node, Merge merge) {
        if (merge == null || merge.targetId() == null || !"MERGED".equals(node.status())) {
            return;
        }
        Decision decision = merge.decisionNumber() != null && merge.decisionDate() != null
                ? new Decision(merge.decisionNumber(), merge.decisionDate())
                : null;
        merged(node.id(), merge.targetId(), decision);
    }

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
            audit.record("member.moved-by-merge", "Member", m.id, target.path, Map.of("organizationId", sourceId),
                    Map.of("organizationId", target.id));
            events.member(MemberEvents.TRANSFERRED, m, new MemberEvents.Transferred(null, sourceId, target.id, null,
                    "organization merged into " + target.name, decision));
        }
        return moving.size();
    }
}
