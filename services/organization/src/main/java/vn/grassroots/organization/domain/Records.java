package vn.grassroots.organization.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;

/**
 * Committees, seats and regulations as the services return them, the events carry them and the audit trail keeps them
 * (so their JSON is a contract), and the statistics as the repository reads them. They live below both services and
 * events, here; the API copies them into its views.
 */
public final class Records {
    private Records() {}

    /** Counts for a subtree: by type and sector of active organizations, by status of all. */
    public record Statistics(UUID organizationId, long total, long active, Map<OrganizationType, Long> byType,
            Map<Sector, Long> bySector, Map<OrganizationStatus, Long> byStatus) {}

    /** A committee (cấp ủy) of a term with its seats. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommitteeRecord(UUID id, UUID organizationId, String term, int startYear, int endYear,
            LocalDate electedOn, Decision decision, List<PositionRecord> positions, long version) {}

    /** A seat in a committee. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PositionRecord(UUID id, UUID memberId, String memberName, Position position,
            List<String> concurrentRoles, LocalDate since, LocalDate until, String endReason) {}

    /** Working regulations (quy chế làm việc) as issued. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegulationRecord(UUID id, UUID organizationId, String documentNumber, LocalDate issuedOn, String title,
            String term) {}
}
