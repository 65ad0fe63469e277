package vn.grassroots.meetings.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.grassroots.common.consumer.ChannelAppliers;
import vn.grassroots.common.consumer.IncomingEvents;
import vn.grassroots.common.consumer.MemberChannels;
import vn.grassroots.common.consumer.OrganizationChannels;

/**
 * Keeps the read models of organizations, members and assignments from their publishers' compacted state topics
 * (read from the beginning) and event topics, through {@link IncomingEvents}: a poison record goes to the
 * dead-letter topic and the next ones go on; a failure of the database is retried until it passes, never skipped.
 * The organizations' and members' channels are read by common's {@link OrganizationChannels} and
 * {@link MemberChannels}; the assignments' here.
 */
@ApplicationScoped
public class ReadModelConsumer implements ChannelAppliers {
    static final List<String> STATE_CHANNELS = List.of("organizations-state", "members-state", "assignments-state");

    private final IncomingEvents incoming;
    private final ReadModelApplier applier;
    private final EntityManager em;

    public ReadModelConsumer(IncomingEvents incoming, ReadModelApplier applier, EntityManager em) {
        this.incoming = incoming;
        this.applier = applier;
        this.em = em;
    }

    @Incoming("assignments-state")
    @Blocking
    public void assignmentsState(ConsumerRecord<String, String> record) {
        handle("assignments-state", record);
    }

    @Incoming("assignments")
    @Blocking
    public void assignments(ConsumerRecord<String, String> record) {
        handle("assignments", record);
    }

    void handle(String channel, ConsumerRecord<String, String> record) {
        incoming.handle(channel, record, event -> apply(channel, event));
    }

    @Override
    public String apply(String channel, JsonNode event) {
        return applier.apply(channel, event);
    }

    @Override
    public void applyAll(String channel, List<JsonNode> events) {
        if (channel.startsWith("members")) {
            applier.applyMembers(channel, events); // throws on a record that is not a member: then one by one
        } else {
            ChannelAppliers.super.applyAll(channel, events);
        }
    }

    @Override
    public List<String> stateChannels() {
        return STATE_CHANNELS;
    }

    @Override
    public void resetReadModels() {
        ChannelAppliers.reset(em, "meetings", STATE_CHANNELS, "member_host", "member_ref", "assignment_ref", "org_ref");
    }

    @Override
    public Map<String, Long> readModelCounts() {
        return ChannelAppliers.counts(em, "org_ref", "member_ref", "member_host", "assignment_ref");
    }
}
