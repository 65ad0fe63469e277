package vn.grassroots.organization.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;
import vn.grassroots.organization.domain.Decision;
import vn.grassroots.organization.domain.OrganizationStatus;
import vn.grassroots.organization.domain.Position;
import vn.grassroots.organization.domain.Records;

/**
 * The API's bodies besides the organization itself, copied from the domain records the services return: the same
 * fields as those records (and so as the events), so that the contract is declared here and nowhere below.
 */
public final class Views {
    private Views() {}

    @Schema(name = "OrganizationStatistics", description = "Counts for a subtree (thống kê): by type and sector of active organizations, by status of all")
    public record Statistics(UUID organizationId, long total, long active, Map<OrganizationType, Long> byType,
            Map<Sector, Long> bySector, Map<OrganizationStatus, Long> byStatus) {

        public static Statistics of(Records.Statistics s) {
            return new Statistics(s.organizationId(), s.total(), s.active(), s.byType(), s.bySector(), s.byStatus());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Committee", description = "A committee (cấp ủy) for a term (nhiệm kỳ)")
    public record CommitteeView(UUID id, UUID organizationId, String term, int startYear, int endYear, LocalDate electedOn,
            Decision decision, List<PositionView> positions, long version) {

        public static CommitteeView of(Records.CommitteeRecord c) {
            List<PositionView> positions = c.positions() == null ? null : c.positions().stream().map(PositionView::of).toList();
            return new CommitteeView(c.id(), c.organizationId(), c.term(), c.startYear(), c.endYear(), c.electedOn(),
                    c.decision(), positions, c.version());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CommitteePosition", description = "A seat in a committee")
    public record PositionView(UUID id, UUID memberId, String memberName, Position position, List<String> concurrentRoles,
            LocalDate since, LocalDate until, String endReason) {

        public static PositionView of(Records.PositionRecord p) {
            return new PositionView(p.id(), p.memberId(), p.memberName(), p.position(), p.concurrentRoles(), p.since(),
                    p.until(), p.endReason());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WorkingRegulation", description = "Working regulations (quy chế làm việc)")
    public record RegulationView(UUID id, UUID organizationId, String documentNumber, LocalDate issuedOn, String title, String term) {

        public static RegulationView of(Records.RegulationRecord r) {
            return new RegulationView(r.id(), r.organizationId(), r.documentNumber(), r.issuedOn(), r.title(), r.term());
        }
    }
}
