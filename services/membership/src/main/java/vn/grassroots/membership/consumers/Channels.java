package vn.grassroots.membership.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import vn.grassroots.common.consumer.ChannelAppliers;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.membership.service.MergeReaction;

/**
 * The appliers of membership's channels, shared by the live consumers, the replay of dead letters and the rebuild.
 * The rebuild re-reads the organizations' state topic over the tree in place: membership's own writes need every
 * organization at every moment (a member is refused in an unknown one), and organizations are never deleted upstream
 * (dissolved and merged are statuses), so nothing has to be removed.
 */
@ApplicationScoped
public class Channels implements ChannelAppliers {
    private final OrganizationEvents organizations;
    private final MergeReaction mergeReaction;
    private final AbsenceApplier absences;
    private final EntityManager em;

    public Channels(OrganizationEvents organizations, MergeReaction mergeReaction, AbsenceApplier absences,
            EntityManager em) {
        this.organizations = organizations;
        this.mergeReaction = mergeReaction;
        this.absences = absences;
        this.em = em;
    }

    @Override
    public String apply(String channel, JsonNode event) {
        return switch (channel) {
            case "organizations-state", "organizations" -> organizations.apply("membership." + channel, event, mergeReaction);
            case "meetings" -> absences.apply(event);
            default -> throw new IllegalArgumentException("no channel " + channel);
        };
    }

    @Override
    public List<String> stateChannels() {
        return List.of("organizations-state");
    }

    @Override
    public void resetReadModels() {
        // every state record is applied again (an equal version rewrites the row); the tree stays readable meanwhile
        em.createNativeQuery("DELETE FROM processed_event WHERE consumer = 'membership.organizations-state'").executeUpdate();
    }

    @Override
    public Map<String, Long> readModelCounts() {
        return ChannelAppliers.counts(em, "org_ref");
    }
}
