package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link ChannelAppliers} of a service that keeps the read models of the tree ({@code org_ref}) and of the
 * members ({@code member_ref}) from their topics ({@link OrganizationChannels}, {@link MemberChannels}): the dispatch
 * of the channels, the state channels a rebuild re-reads, its reset and its counts are alike. A service gives its
 * appliers of organizations, of members and of its other channels.
 */
public abstract class TreeAndMemberAppliers implements ChannelAppliers {
    private static final List<String> STATE_CHANNELS = List.of("organizations-state", "members-state");

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    protected abstract String organization(String channel, JsonNode event);

    protected abstract String member(String channel, JsonNode event);

    /** A record of one of the service's other channels; there are none by default. */
    protected String other(String channel, JsonNode event) {
        throw new IllegalArgumentException("no channel " + channel);
    }

    @Override
    public String apply(String channel, JsonNode event) {
        return switch (channel) {
            case "organizations-state", "organizations" -> organization(channel, event);
            case "members-state", "members" -> member(channel, event);
            default -> other(channel, event);
        };
    }

    /** The other channels' records come from events only and are kept through a rebuild. */
    @Override
    public List<String> stateChannels() {
        return STATE_CHANNELS;
    }

    @Override
    public void resetReadModels() {
        ChannelAppliers.reset(em, service, STATE_CHANNELS, "member_ref", "org_ref");
    }

    @Override
    public Map<String, Long> readModelCounts() {
        return ChannelAppliers.counts(em, "org_ref", "member_ref");
    }
}
