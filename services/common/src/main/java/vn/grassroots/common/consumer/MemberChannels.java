package vn.grassroots.common.consumer;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The membership service's two topics, read alike by every service that keeps a read model of members. They hold a
 * province's members (a CSV import publishes hundreds of thousands), so they are read in batches, one transaction a
 * batch ({@link IncomingEvents#batch}): a new read model catches up in minutes. A service turns it on with
 * {@code grassroots.consumes.members=true} and configures the two channels with {@code batch=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "grassroots.consumes.members", stringValue = "true")
public class MemberChannels {
    private final IncomingEvents incoming;
    private final ChannelAppliers appliers;

    public MemberChannels(IncomingEvents incoming, ChannelAppliers appliers) {
        this.incoming = incoming;
        this.appliers = appliers;
    }

    @Incoming("members-state")
    @Blocking
    public void state(ConsumerRecords<String, String> records) {
        incoming.batch("members-state", records, appliers);
    }

    @Incoming("members")
    @Blocking
    public void events(ConsumerRecords<String, String> records) {
        incoming.batch("members", records, appliers);
    }
}
