package vn.grassroots.membership.consumers;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.grassroots.common.consumer.IncomingEvents;

/** Follows the meetings service's events; of them, membership needs only the unexcused absences. */
@ApplicationScoped
public class MeetingConsumer {
    @Inject
    IncomingEvents incoming;

    @Inject
    Channels channels;

    @Incoming("meetings")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        incoming.handle("meetings", record, e -> channels.apply("meetings", e));
    }
}
