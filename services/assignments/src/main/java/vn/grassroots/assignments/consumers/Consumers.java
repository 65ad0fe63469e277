package vn.grassroots.assignments.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import vn.grassroots.common.consumer.IncomingEvents;
import vn.grassroots.common.consumer.MeetingChannel;
import vn.grassroots.common.consumer.MemberChannels;
import vn.grassroots.common.consumer.OrganizationChannels;
import vn.grassroots.common.consumer.TreeAndMemberAppliers;

/**
 * Assignments' appliers of the other services' topics: organizations and members (compacted state topics read from
 * the beginning, then the event topics) and held meetings. Their records arrive through common's
 * {@link OrganizationChannels}, {@link MemberChannels}, {@link MeetingChannel} and {@link IncomingEvents}: a poison
 * record goes to the dead-letter topic and the next ones go on; a database failure is retried, never skipped. State
 * records of members are not remembered in processed_event (see {@link Appliers}).
 */
@ApplicationScoped
public class Consumers extends TreeAndMemberAppliers {
    private final Appliers appliers;

    public Consumers(Appliers appliers) {
        this.appliers = appliers;
    }

    @Override
    protected String organization(String channel, JsonNode event) {
        return appliers.organization(channel, event);
    }

    @Override
    protected String member(String channel, JsonNode event) {
        return appliers.member(channel, event);
    }

    @Override
    protected String other(String channel, JsonNode event) {
        return "meetings".equals(channel) ? appliers.meeting(channel, event) : super.other(channel, event);
    }
}
