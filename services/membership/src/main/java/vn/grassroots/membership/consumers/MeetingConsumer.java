package vn.grassroots.membership.consumers;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.grassroots.common.consumer.IncomingEvents;

/** Follows the meetings service's events; of them, membership needs only the unexcused absences. */
@ApplicationScoped
public class MeetingConsumer {
    private final IncomingEvents incoming;
    private final Channels channels;

    public MeetingConsumer(IncomingEvents incoming, Channels channels) {
        this.incoming = incoming;
        this.channels = channels;
    }

    @Incoming("meetings")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        incoming.handle("meetings", record, e -> channels.apply("meetings", e));
    }
}
