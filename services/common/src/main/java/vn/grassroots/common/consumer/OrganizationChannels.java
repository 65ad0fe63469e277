package vn.grassroots.common.consumer;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The organization service's two topics, read alike by every service that keeps the tree's read model: the compacted
 * state topic (from the beginning) and the event topic, applied through the service's {@link ChannelAppliers}. A
 * service turns it on with {@code grassroots.consumes.organizations=true} and configures the two channels.
 */
@ApplicationScoped
@IfBuildProperty(name = "grassroots.consumes.organizations", stringValue = "true")
public class OrganizationChannels {
    private final IncomingEvents incoming;
    private final ChannelAppliers appliers;

    public OrganizationChannels(IncomingEvents incoming, ChannelAppliers appliers) {
        this.incoming = incoming;
        this.appliers = appliers;
    }

    @Incoming("organizations-state")
    @Blocking
    public void state(ConsumerRecord<String, String> record) {
        incoming.handle("organizations-state", record, event -> appliers.apply("organizations-state", event));
    }

    @Incoming("organizations")
    @Blocking
    public void events(ConsumerRecord<String, String> record) {
        incoming.handle("organizations", record, event -> appliers.apply("organizations", event));
    }
}
