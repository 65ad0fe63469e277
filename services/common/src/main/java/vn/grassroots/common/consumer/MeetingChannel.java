package vn.grassroots.common.consumer;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The meetings service's event topic, read alike by the services that keep what meetings report (attendance, held
 * meetings, unexcused absences) and applied through the service's {@link ChannelAppliers}. A service turns it on with
 * {@code grassroots.consumes.meetings=true} and configures the channel.
 */
@ApplicationScoped
@IfBuildProperty(name = "grassroots.consumes.meetings", stringValue = "true")
public class MeetingChannel {
    private final IncomingEvents incoming;
    private final ChannelAppliers appliers;

    public MeetingChannel(IncomingEvents incoming, ChannelAppliers appliers) {
        this.incoming = incoming;
        this.appliers = appliers;
    }

    @Incoming("meetings")
    @Blocking
    public void events(ConsumerRecord<String, String> record) {
        incoming.handle("meetings", record, event -> appliers.apply("meetings", event));
    }
}
