package vn.grassroots.meetings.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.meetings.service.Results;

/** The compliance response bodies: copies of the service's results (its rates and shares included), described for OpenAPI. */
public final class ComplianceViews {
    private ComplianceViews() {}

    @Schema(name = "CellCompliance", description = "One cell over the period: missed regular months, quarters without a thematic meeting, attendance")
    public record CellCompliance(UUID organizationId, String name, String path,
            @Schema(description = "Months (YYYY-MM) without a held REGULAR meeting (thiếu sinh hoạt định kỳ)") List<String> monthsWithoutRegular,
            @Schema(description = "Quarters (YYYY-Qn) without a held THEMATIC meeting (thiếu sinh hoạt chuyên đề)") List<String> quartersWithoutThematic,
            int meetingsHeld, int meetingsBelowQuorum, long expected, long present,
            @Schema(description = "present / expected over the held meetings, null without any") Double attendanceRate,
            int meetingsWithSuperiorExpected, int meetingsWithSuperiorAttended,
            @Schema(description = "Share of meetings the assigned superior attended, null when none was assigned") Double superiorAttendanceShare) {
        public static CellCompliance of(Results.CellCompliance c) {
            return new CellCompliance(c.organizationId(), c.name(), c.path(), c.monthsWithoutRegular(), c.quartersWithoutThematic(),
                    c.meetingsHeld(), c.meetingsBelowQuorum(), c.expected(), c.present(), c.attendanceRate(),
                    c.meetingsWithSuperiorExpected(), c.meetingsWithSuperiorAttended(), c.superiorAttendanceShare());
        }
    }

    @Schema(name = "MemberCompliance", description = "One member's attendance over the period")
    public record MemberCompliance(UUID memberId, String fullName, long expected, long present, long absentExcused,
            long absentUnexcused, Double attendanceRate) {
        public static MemberCompliance of(Results.MemberCompliance m) {
            return new MemberCompliance(m.memberId(), m.fullName(), m.expected(), m.present(), m.absentExcused(),
                    m.absentUnexcused(), m.attendanceRate());
        }
    }

    @Schema(name = "ComplianceSummary", description = "Totals of a subtree over a period (feeds the annual evaluation)")
    public record ComplianceSummary(UUID organizationId, LocalDate from, LocalDate to, long cells, long cellsMissingRegular,
            long cellsMissingThematic, long meetingsHeld, long meetingsBelowQuorum, Double attendanceRate,
            long meetingsWithSuperiorExpected, long meetingsWithSuperiorAttended, Double superiorAttendanceShare) {
        public static ComplianceSummary of(Results.ComplianceSummary s) {
            return new ComplianceSummary(s.organizationId(), s.from(), s.to(), s.cells(), s.cellsMissingRegular(),
                    s.cellsMissingThematic(), s.meetingsHeld(), s.meetingsBelowQuorum(), s.attendanceRate(),
                    s.meetingsWithSuperiorExpected(), s.meetingsWithSuperiorAttended(), s.superiorAttendanceShare());
        }
    }
}
