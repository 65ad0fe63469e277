package vn.grassroots.organization.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.outbox.Outbox;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.organization.domain.Decision;
import vn.grassroots.organization.domain.OrganizationState;
import vn.grassroots.organization.domain.Records;

/**
 * What this service tells the others, through the outbox. Organization events are keyed by the
 * organization id; the state topics hold the latest state of every organization and committee.
 * Schemas: contracts/events/.
 */
@ApplicationScoped
public class OrganizationEvents {
    public static final String TOPIC = "grassroots.organization.organizations.v1";
    public static final String STATE_TOPIC = "grassroots.organization.organizations-state.v1";
    public static final String COMMITTEE_TOPIC = "grassroots.organization.committees.v1";
    public static final String COMMITTEE_STATE_TOPIC = "grassroots.organization.committees-state.v1";

    private static final String PREFIX = "vn.grassroots.organization.";
    public static final String CREATED = PREFIX + "created";
    public static final String UPDATED = PREFIX + "updated";
    public static final String MOVED = PREFIX + "moved";
    public static final String MERGED = PREFIX + "merged";
    public static final String SPLIT = PREFIX + "split";
    public static final String DISSOLVED = PREFIX + "dissolved";
    public static final String REGULATION_ISSUED = PREFIX + "regulation-issued";
    public static final String STATE = PREFIX + "state";
    public static final String COMMITTEE_FORMED = "vn.grassroots.committee.formed";
    public static final String POSITION_ASSIGNED = "vn.grassroots.committee.position-assigned";
    public static final String POSITION_ENDED = "vn.grassroots.committee.position-ended";
    public static final String COMMITTEE_STATE = "vn.grassroots.committee.state";

    private static final String AGGREGATE = "Organization";

    private final Outbox outbox;

    public OrganizationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(OrganizationState org) {
        organization(CREATED, org, new Payloads.Changed(org));
    }

    public void updated(OrganizationState org) {
        organization(UPDATED, org, new Payloads.Changed(org));
    }

    /** The move of a subtree: the event, and fresh state records for every organization of it (their paths changed). */
    public void moved(OrganizationState org, UUID oldParentId, UUID newParentId, String oldPath, String newPath,
            int subtreeSize, Decision decision) {
        event(MOVED, org, new Payloads.Moved(org, oldParentId, newParentId, oldPath, newPath, subtreeSize, decision));
        stateOfSubtree(newPath);
    }

    public void merged(OrganizationState org, UUID targetId, List<UUID> movedChildIds, Decision decision) {
        organization(MERGED, org, new Payloads.Merged(org, targetId, movedChildIds, decision));
    }

    public void split(OrganizationState org, List<UUID> partIds, Decision decision) {
        organization(SPLIT, org, new Payloads.Split(org, partIds, decision));
    }

    public void dissolved(OrganizationState org, Decision decision) {
        organization(DISSOLVED, org, new Payloads.Dissolved(org, decision));
    }

    /** Regulations do not change the organization: no state record. */
    public void regulationIssued(OrganizationState org, Records.RegulationRecord regulation) {
        event(REGULATION_ISSUED, org, new Payloads.RegulationIssued(org, regulation));
    }

    public void committeeFormed(Records.CommitteeRecord committee) {
        committee(COMMITTEE_FORMED, committee, new Payloads.CommitteeFormed(committee));
    }

    public void positionAssigned(Records.CommitteeRecord committee, Records.PositionRecord position) {
        committee(POSITION_ASSIGNED, committee, new Payloads.SeatChanged(committee, position));
    }

    public void positionEnded(Records.CommitteeRecord committee, Records.PositionRecord position) {
        committee(POSITION_ENDED, committee, new Payloads.SeatChanged(committee, position));
    }

    /** An event about one organization, plus its state record. */
    private void organization(String type, OrganizationState org, Object data) {
        event(type, org, data);
        stateOf(org.id());
    }

    private void event(String type, OrganizationState org, Object data) {
        outbox.publish(TOPIC, AGGREGATE, org.id(), type, data);
    }

    /** Fresh state records for every organization of a subtree whose paths a move rewrote. */
    private void stateOfSubtree(String path) {
        Map<String, Object> params = new java.util.HashMap<>();
        Subtree.bind(params::put, "subtree", path);
        outbox.publishEach(STATE_TOPIC, AGGREGATE, STATE, "SELECT o.id, organization_state(o) AS payload FROM organization o WHERE "
                + Subtree.condition("o.path", "subtree"), params);
    }

    private void stateOf(UUID id) {
        outbox.publishEach(STATE_TOPIC, AGGREGATE, STATE,
                "SELECT o.id, organization_state(o) AS payload FROM organization o WHERE o.id = :id", Map.of("id", id));
    }

    private void committee(String type, Records.CommitteeRecord committee, Object data) {
        outbox.publish(COMMITTEE_TOPIC, "Committee", committee.id(), type, data);
        outbox.publish(COMMITTEE_STATE_TOPIC, "Committee", committee.id(), COMMITTEE_STATE, committee);
    }
}
