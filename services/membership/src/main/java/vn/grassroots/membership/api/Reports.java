package vn.grassroots.membership.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Report bodies: statistics and party badges. */
public final class Reports {
    private Reports() {}

    @Schema(name = "MemberStatistics", description = "Thống kê đảng viên of a subtree. The breakdowns count current members (PROBATIONARY, OFFICIAL, EXEMPT); byStatus counts everyone ever registered.")
    public record Statistics(UUID organizationId, LocalDate asOf, long members, Map<String, Long> byStatus, Map<String, Long> byGender,
            Map<String, Long> byAgeBand, Map<String, Long> byEthnicity, Map<String, Long> byTheoryLevel,
            @Schema(description = "Admissions (kết nạp) per year against the members at the start of that year") List<AdmissionYear> admissions) {}

    @Schema(name = "AdmissionYear", description = "Admissions of one year: rate = admitted / membersAtStart in percent; provinces target 3-4% a year")
    public record AdmissionYear(int year, long admitted, long membersAtStart, BigDecimal ratePercent, BigDecimal targetMinPercent,
            BigDecimal targetMaxPercent, boolean targetReached) {}

    @Schema(name = "PartyBadge", description = "Huy hiệu tuổi Đảng: a member who reaches 30, 40, 45, 50, 55, 60, 65 … years of membership in the year asked")
    public record Badge(UUID memberId, String fullName, UUID organizationId, String organizationName, LocalDate admissionDate,
            int years, vn.grassroots.membership.domain.MemberStatus status) {}
}
