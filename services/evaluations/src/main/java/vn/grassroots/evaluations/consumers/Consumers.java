package vn.grassroots.evaluations.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.grassroots.common.consumer.ChannelAppliers;
import vn.grassroots.common.consumer.IncomingEvents;
import vn.grassroots.common.consumer.MemberChannels;
import vn.grassroots.common.consumer.OrganizationChannels;

/**
 * Follows the other services' topics for the read models: organizations and members (state topics from the
 * beginning, then events), meetings (held, absence-unexcused) and tasks, through {@link IncomingEvents}: a poison
 * record goes to the dead-letter topic and the next ones go on; a database failure is retried, never skipped. The
 * organizations' and members' channels are read by common's {@link OrganizationChannels} and {@link MemberChannels}.
 */
@ApplicationScoped
public class Consumers implements ChannelAppliers {
    private final IncomingEvents incoming;
    private final EventApplier applier;
    private final EntityManager em;

    public Consumers(IncomingEvents incoming, EventApplier applier, EntityManager em) {
        this.incoming = incoming;
        this.applier = applier;
        this.em = em;
    }

    @Incoming("meetings")
    @Blocking
    public void meetingEvent(ConsumerRecord<String, String> record) {
        handle("meetings", record);
    }

    @Incoming("tasks")
    @Blocking
    public void taskEvent(ConsumerRecord<String, String> record) {
        handle("tasks", record);
    }

    private void handle(String channel, ConsumerRecord<String, String> record) {
        incoming.handle(channel, record, event -> apply(channel, event));
    }

    @Override
    public String apply(String channel, JsonNode event) {
        return switch (channel) {
            case "organizations-state", "organizations" -> applier.organization(channel, event);
            case "members-state", "members" -> applier.member(channel, event);
            case "meetings" -> applier.meeting(channel, event);
            case "tasks" -> applier.task(channel, event);
            default -> throw new IllegalArgumentException("no channel " + channel);
        };
    }

    /** Organizations and members have state topics; attendance, disciplines and tasks come from events and are kept. */
    @Override
    public List<String> stateChannels() {
        return List.of("organizations-state", "members-state");
    }

    @Override
    public void resetReadModels() {
        em.createNativeQuery("DELETE FROM member_ref").executeUpdate();
        em.createNativeQuery("DELETE FROM org_ref").executeUpdate();
        em.createNativeQuery("DELETE FROM processed_event WHERE consumer IN ('evaluations.organizations-state', 'evaluations.members-state')")
                .executeUpdate();
    }

    @Override
    public Map<String, Long> readModelCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("org_ref", "member_ref")) {
            counts.put(table, ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
        }
        return counts;
    }
}
