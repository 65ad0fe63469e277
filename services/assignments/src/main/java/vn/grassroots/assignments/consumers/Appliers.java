package vn.grassroots.assignments.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.grassroots.assignments.domain.HeldMeeting;
import vn.grassroots.assignments.domain.MemberRef;
import vn.grassroots.assignments.repository.MeetingReadModel;
import vn.grassroots.assignments.repository.MemberReadModel;
import vn.grassroots.assignments.service.AssignmentService;
import vn.grassroots.common.consumer.CloudEvents;
import vn.grassroots.common.consumer.MeetingHeld;
import vn.grassroots.common.consumer.MemberState;
import vn.grassroots.common.consumer.ProcessedEvents;
import vn.grassroots.common.tree.Merge;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.common.tree.OrganizationNode;

/**
 * Applies one CloudEvent of another service to a read model, once (ProcessedEvents), in one transaction, and ends
 * the assignments of a person who left or of an organization that was dissolved or merged, in the same transaction.
 * Each method returns null when applied (or already applied, or not of interest), else why the event was skipped.
 * State records are not remembered in processed_event: applying the latest state again is harmless (version-guarded
 * upsert; only ACTIVE assignments are ended), and a first start reads hundreds of thousands of them.
 */
@ApplicationScoped
public class Appliers {

    private final ProcessedEvents processed;
    private final OrganizationEvents organizations;
    private final MemberReadModel members;
    private final MeetingReadModel meetings;
    private final AssignmentService assignments;

    public Appliers(ProcessedEvents processed, OrganizationEvents organizations, MemberReadModel members,
            MeetingReadModel meetings, AssignmentService assignments) {
        this.processed = processed;
        this.organizations = organizations;
        this.members = members;
        this.meetings = meetings;
        this.assignments = assignments;
    }

    /**
     * Organization records go through the shared {@link OrganizationEvents}; an organization that stops being ACTIVE
     * (dissolved, merged) ends its assignments in the same transaction. Only ACTIVE assignments are ended, so a
     * repeated state record ends nothing twice.
     */
    public String organization(String consumer, JsonNode event) {
        return organizations.apply("assignments." + consumer, event, endAssignments);
    }

    private final OrganizationEvents.Reaction endAssignments = new OrganizationEvents.Reaction() {
        @Override
        public void written(OrganizationNode node, Merge merge) {
            if (!"ACTIVE".equals(node.status())) {
                assignments.endForOrganization(node.id(), "ORGANIZATION_" + node.status());
            }
        }
    };

    @Transactional
    public String member(String consumer, JsonNode event) {
        String problem = CloudEvents.envelope(event);
        if (problem != null) {
            return problem;
        }
        MemberState m = MemberState.of(event);
        if (m == null) {
            return null;
        }
        boolean state = MemberState.STATE_TYPE.equals(event.path("type").asText());
        if (!state && !processed.firstDelivery("assignments." + consumer, event.path("id").asText())) {
            return null;
        }
        if (members.upsert(m) && MemberRef.LEFT.contains(m.status())) {
            assignments.endForPerson(m.id(), "MEMBER_" + m.status());
        }
        return null;
    }

    @Transactional
    public String meeting(String consumer, JsonNode event) {
        String problem = CloudEvents.envelope(event);
        if (problem != null) {
            return problem;
        }
        if (!MeetingHeld.TYPE.equals(event.path("type").asText())) {
            return null; // other meeting events do not change attendance
        }
        MeetingHeld m = MeetingHeld.read(event.path("data"));
        if (m.id() == null || m.organizationId() == null || m.kind() == null || m.meetingDate() == null || m.version() < 0) {
            return "data.meeting has no id, organizationId, kind, meetingDate or version";
        }
        HeldMeeting held = new HeldMeeting(m.id(), m.organizationId(), m.kind(), m.meetingDate(), m.superiorAttendeeIds(), m.version());
        if (!processed.firstDelivery("assignments." + consumer, event.path("id").asText())) {
            return null;
        }
        meetings.upsert(held);
        return null;
    }
}
