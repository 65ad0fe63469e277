package vn.grassroots.membership.consumers;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.grassroots.common.consumer.IncomingEvents;

/**
 * Keeps the read model of the organization tree from the organization service's topics: the compacted state topic
 * (read from the beginning) and the event topic. A merge moves the members of the merged organization. Poison goes to
 * the dead-letter topic; a database failure is retried, never skipped ({@link IncomingEvents}).
 */
@ApplicationScoped
public class OrganizationConsumer {
    private final IncomingEvents incoming;
    private final Channels channels;

    public OrganizationConsumer(IncomingEvents incoming, Channels channels) {
        this.incoming = incoming;
        this.channels = channels;
    }

    @Incoming("organizations-state")
    @Blocking
    public void onState(ConsumerRecord<String, String> record) {
        incoming.handle("organizations-state", record, e -> channels.apply("organizations-state", e));
    }

    @Incoming("organizations")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        incoming.handle("organizations", record, e -> channels.apply("organizations", e));
    }
}
