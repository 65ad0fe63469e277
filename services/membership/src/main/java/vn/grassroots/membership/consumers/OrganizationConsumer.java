package vn.grassroots.membership.consumers;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.grassroots.common.consumer.IncomingEvents;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.membership.service.MergeReaction;

/**
 * Keeps the read model of the organization tree from the organization service's topics: the compacted state topic
 * (read from the beginning) and the event topic. A merge moves the members of the merged organization.
 */
@ApplicationScoped
public class OrganizationConsumer {
    @Inject
    IncomingEvents incoming;

    @Inject
    OrganizationEvents organizations;

    @Inject
    MergeReaction mergeReaction;

    @Incoming("organizations-state")
    @Blocking
    public void onState(String record) {
        incoming.handle("organizations-state", record, e -> organizations.apply("membership.organizations-state", e, mergeReaction));
    }

    @Incoming("organizations")
    @Blocking
    public void onEvent(String record) {
        incoming.handle("organizations", record, e -> organizations.apply("membership.organizations", e, mergeReaction));
    }
}
