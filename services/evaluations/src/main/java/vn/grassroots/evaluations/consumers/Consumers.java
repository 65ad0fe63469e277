package vn.grassroots.evaluations.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.grassroots.common.consumer.IncomingEvents;
import vn.grassroots.common.consumer.MeetingChannel;
import vn.grassroots.common.consumer.MemberChannels;
import vn.grassroots.common.consumer.OrganizationChannels;
import vn.grassroots.common.consumer.TreeAndMemberAppliers;

/**
 * Follows the other services' topics for the read models: organizations and members (state topics from the
 * beginning, then events), meetings (held, absence-unexcused) and tasks, through {@link IncomingEvents}: a poison
 * record goes to the dead-letter topic and the next ones go on; a database failure is retried, never skipped. The
 * organizations', members' and meetings' channels are read by common's {@link OrganizationChannels},
 * {@link MemberChannels} and {@link MeetingChannel}; the tasks' here. Attendance, disciplines and tasks come from
 * events only and are kept through a rebuild.
 */
@ApplicationScoped
public class Consumers extends TreeAndMemberAppliers {
    private final IncomingEvents incoming;
    private final EventApplier applier;

    public Consumers(IncomingEvents incoming, EventApplier applier) {
        this.incoming = incoming;
        this.applier = applier;
    }

    @Incoming("tasks")
    @Blocking
    public void taskEvent(ConsumerRecord<String, String> record) {
        incoming.handle("tasks", record, event -> apply("tasks", event));
    }

    @Override
    protected String organization(String channel, JsonNode event) {
        return applier.organization(channel, event);
    }

    @Override
    protected String member(String channel, JsonNode event) {
        return applier.member(channel, event);
    }

    @Override
    protected String other(String channel, JsonNode event) {
        return switch (channel) {
            case "meetings" -> applier.meeting(channel, event);
            case "tasks" -> applier.task(channel, event);
            default -> super.other(channel, event);
        };
    }
}
