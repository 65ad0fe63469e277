package vn.grassroots.organization.events;

import java.util.List;
import java.util.UUID;
import vn.grassroots.organization.domain.Decision;
import vn.grassroots.organization.domain.OrganizationState;
import vn.grassroots.organization.domain.Records;

/** The data of each event this service publishes; schemas in contracts/events/grassroots.organization.*. */
public final class Payloads {
    private Payloads() {}

    /** created, updated. */
    public record Changed(OrganizationState organization) {}

    public record Moved(OrganizationState organization, UUID oldParentId, UUID newParentId, String oldPath,
            String newPath, int subtreeSize, Decision decision) {}

    public record Merged(OrganizationState organization, UUID targetId, List<UUID> movedChildIds, Decision decision) {}

    public record Split(OrganizationState organization, List<UUID> partIds, Decision decision) {}

    public record Dissolved(OrganizationState organization, Decision decision) {}

    public record RegulationIssued(OrganizationState organization, Records.RegulationRecord regulation) {}

    public record CommitteeFormed(Records.CommitteeRecord committee) {}

    /** position-assigned, position-ended. */
    public record SeatChanged(Records.CommitteeRecord committee, Records.PositionRecord position) {}
}
