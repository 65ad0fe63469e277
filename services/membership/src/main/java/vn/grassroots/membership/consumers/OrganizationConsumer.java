package vn.grassroots.membership.consumers;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.grassroots.common.consumer.IncomingEvents;

/**
 * Keeps the read model of the organization tree from the organization service's topics: the compacted state topic
 * (read from the beginning) and the event topic.
 */
@ApplicationScoped
public class OrganizationConsumer {
    @Inject
    IncomingEvents incoming;

    @Inject
    OrganizationApplier applier;

    @Incoming("organizations-state")
    @Blocking
    public void onState(String record) {
        incoming.handle("organizations-state", record, e -> applier.apply("organizations-state", e));
    }

    @Incoming("organizations")
    @Blocking
    public void onEvent(String record) {
        incoming.handle("organizations", record, e -> applier.apply("organizations", e));
    }
}
