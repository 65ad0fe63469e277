package vn.grassroots.organization.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;

/**
 * What the service shows besides the organization itself. Committees, seats and regulations are also what its events
 * carry, and the statistics come straight from the repository: so they live below both, here.
 */
public final class Views {
    private Views() {}

    @Schema(name = "OrganizationStatistics", description = "Counts for a subtree (thống kê): by type and sector of active organizations, by status of all")
    public record Statistics(UUID organizationId, long total, long active, Map<OrganizationType, Long> byType,
            Map<Sector, Long> bySector, Map<OrganizationStatus, Long> byStatus) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Committee", description = "A committee (cấp ủy) for a term (nhiệm kỳ)")
    public record CommitteeView(UUID id, UUID organizationId, String term, int startYear, int endYear, LocalDate electedOn,
            Decision decision, List<PositionView> positions, long version) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommitteePosition", description = "A seat in a committee")
    public record PositionView(UUID id, UUID memberId, String memberName, Position position, List<String> concurrentRoles,
            LocalDate since, LocalDate until, String endReason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WorkingRegulation", description = "Working regulations (quy chế làm việc)")
    public record RegulationView(UUID id, UUID organizationId, String documentNumber, LocalDate issuedOn, String title, String term) {}
}
