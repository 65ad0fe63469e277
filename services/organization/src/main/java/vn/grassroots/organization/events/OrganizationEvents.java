package vn.grassroots.organization.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.outbox.Outbox;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.organization.domain.OrganizationState;
import vn.grassroots.organization.domain.Views;

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

    @Inject
    Outbox outbox;

    /** An event about one organization, with its state after the change, plus the state record. */
    public void organization(String type, OrganizationState org, Map<String, Object> details) {
        organizationOnly(type, org, details);
        stateOf(org.id());
    }

    /** The event alone, when the caller writes the state records itself (a move: the whole subtree). */
    public void organizationOnly(String type, OrganizationState org, Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organization", org);
        data.putAll(details);
        outbox.publish(TOPIC, AGGREGATE, org.id(), type, data);
    }

    public void organization(String type, OrganizationState org) {
        organization(type, org, Map.of());
    }

    /** Fresh state records for every organization of a subtree whose paths a move rewrote. */
    public int stateOfSubtree(String path) {
        Map<String, Object> params = new java.util.HashMap<>();
        Subtree.bind(params::put, "subtree", path);
        return outbox.publishEach(STATE_TOPIC, AGGREGATE, STATE, "SELECT o.id, organization_state(o) AS payload FROM organization o WHERE "
                + Subtree.condition("o.path", "subtree"), params);
    }

    private void stateOf(UUID id) {
        outbox.publishEach(STATE_TOPIC, AGGREGATE, STATE,
                "SELECT o.id, organization_state(o) AS payload FROM organization o WHERE o.id = :id", Map.of("id", id));
    }

    public void committee(String type, Views.CommitteeView committee, Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("committee", committee);
        data.putAll(details);
        outbox.publish(COMMITTEE_TOPIC, "Committee", committee.id(), type, data);
        outbox.publish(COMMITTEE_STATE_TOPIC, "Committee", committee.id(), COMMITTEE_STATE, committee);
    }
}
