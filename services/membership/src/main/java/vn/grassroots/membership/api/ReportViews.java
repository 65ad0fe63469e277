package vn.grassroots.membership.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.service.Results;

/** Report bodies: statistics and party badges, copied from the service's results (rates and bands are computed there). */
public final class ReportViews {
    private ReportViews() {}

    @Schema(name = "MemberStatistics", description = "Thống kê đảng viên of a subtree. The breakdowns count current members (PROBATIONARY, OFFICIAL, EXEMPT); byStatus counts everyone ever registered.")
    public record Statistics(UUID organizationId, LocalDate asOf, long members, Map<String, Long> byStatus, Map<String, Long> byGender,
            Map<String, Long> byAgeBand, Map<String, Long> byEthnicity, Map<String, Long> byTheoryLevel,
            @Schema(description = "Admissions (kết nạp) per year against the members at the start of that year") List<AdmissionYear> admissions) {
        public static Statistics of(Results.Statistics s) {
            return new Statistics(s.organizationId(), s.asOf(), s.members(), s.byStatus(), s.byGender(), s.byAgeBand(),
                    s.byEthnicity(), s.byTheoryLevel(), s.admissions().stream().map(AdmissionYear::of).toList());
        }
    }

    @Schema(name = "AdmissionYear", description = "Admissions (kết nạp) of one year: rate = admitted / membersAtStart in percent, "
            + "against the band of 3-4 % a year that provinces set")
    public record AdmissionYear(int year, long admitted, long membersAtStart,
            @Schema(nullable = true, description = "Null without members at the start of the year") BigDecimal ratePercent,
            BigDecimal targetMinPercent, BigDecimal targetMaxPercent,
            @Schema(description = "The rate is within the band (from targetMinPercent to targetMaxPercent, both included)") boolean targetReached,
            @Schema(nullable = true, enumeration = {"BELOW", "WITHIN", "ABOVE"}, description = "Where the rate lies against the band; null without a rate")
            String targetPosition) {
        public static AdmissionYear of(Results.AdmissionYear y) {
            return new AdmissionYear(y.year(), y.admitted(), y.membersAtStart(), y.ratePercent(), y.targetMinPercent(),
                    y.targetMaxPercent(), y.targetReached(), y.targetPosition());
        }
    }

    /** Its simple name stays {@code Badge}: the contract names its page after it (PageBadge). */
    @Schema(name = "PartyBadge", description = "Huy hiệu tuổi Đảng: a member who reaches 30, 40, 45, 50, 55, 60, 65 … years of membership in the year asked")
    public record Badge(UUID memberId, String fullName, UUID organizationId, String organizationName, LocalDate admissionDate,
            int years, MemberStatus status) {
        public static Badge of(Results.Badge b) {
            return new Badge(b.memberId(), b.fullName(), b.organizationId(), b.organizationName(), b.admissionDate(), b.years(),
                    b.status());
        }
    }
}
