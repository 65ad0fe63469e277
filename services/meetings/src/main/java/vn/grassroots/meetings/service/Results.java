package vn.grassroots.meetings.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.web.Versioned;
import vn.grassroots.meetings.domain.AgendaItem;
import vn.grassroots.meetings.domain.Meeting;

/**
 * What the services return: the response bodies of the meetings API that the services build themselves (from SQL rows,
 * or from a meeting, whose view is also what the audit trail records). Nested names and annotations make the OpenAPI schemas.
 */
public final class Results {
    private Results() {}

    @Schema(name = "AgendaItem", description = "An agenda item (nội dung sinh hoạt)")
    public record AgendaItemView(UUID id, String title, String description) {}

    @Schema(name = "AttendanceSummary", description = "Counts of the attendance (điểm danh) and validity (hợp lệ)")
    public record AttendanceSummary(int expected, int expectedOfficial, int present, int presentOfficial, int absentExcused,
            int absentUnexcused, boolean quorumMet, boolean superiorExpected, boolean superiorAttended,
            @Schema(nullable = true, description = "Who recorded the attendance (null for meetings recorded before this was kept)") String recordedBy,
            @Schema(nullable = true, description = "When the attendance was recorded") Instant recordedAt,
            @Schema(description = "Recorded after the day of the meeting (nhập bổ sung): a register caught up later") boolean enteredLate) {}

    @Schema(name = "QualityView", description = "The meeting's quality rating (chất lượng sinh hoạt) and the superior's review")
    public record QualityView(int score, String level, Map<String, Integer> criteria, String comment, String ratedBy,
            Map<String, Object> review) {}

    @Schema(name = "MinutesView", description = "Minutes (biên bản), resolution (nghị quyết), criticism (phê bình và tự phê bình), conclusions")
    public record MinutesView(String minutes, String resolution, String criticism, String conclusions, Instant approvedAt,
            String approvedBy) {}

    @Schema(name = "Meeting", description = "A meeting (buổi sinh hoạt); its version is its ETag")
    public record MeetingView(UUID id, UUID organizationId, String kind, String format, Instant startsAt,
            @Schema(description = "The calendar day in Asia/Ho_Chi_Minh") LocalDate meetingDate, String place, String onlineLink,
            String topic, List<AgendaItemView> agenda, List<Meeting.Document> documents, String state, String cancelReason,
            AttendanceSummary attendance, MinutesView minutes, QualityView quality, Instant createdAt, Instant updatedAt,
            long version) implements Versioned {

        public static MeetingView of(Meeting m) {
            AttendanceSummary a = m.expected == null ? null : new AttendanceSummary(m.expected, m.expectedOfficial, m.present,
                    m.presentOfficial, m.absentExcused, m.absentUnexcused, m.quorumMet, m.superiorExpected, m.superiorAttended,
                    m.attendanceRecordedBy, m.attendanceRecordedAt, m.enteredLate);
            MinutesView minutes = m.minutes == null ? null
                    : new MinutesView(m.minutes, m.resolution, m.criticism, m.conclusions, m.minutesApprovedAt, m.minutesApprovedBy);
            QualityView q = m.qualityScore == null ? null : new QualityView(m.qualityScore, m.qualityLevel.name(), m.qualityCriteria,
                    m.qualityComment, m.qualityRatedBy, m.qualityReview);
            return new MeetingView(m.id, m.organizationId, m.kind.name(), m.format.name(), m.startsAt, m.meetingDate, m.place,
                    m.onlineLink, m.topic, m.agenda.stream().map(i -> new AgendaItemView(i.id, i.title, i.description)).toList(),
                    List.copyOf(m.documents), m.state.name(), m.cancelReason, a, minutes, q, m.createdAt, m.updatedAt, m.version);
        }

        static AgendaItemView item(AgendaItem i) {
            return new AgendaItemView(i.id, i.title, i.description);
        }
    }

    @Schema(name = "MeetingSummary", description = "A meeting in a list")
    public record MeetingSummary(UUID id, UUID organizationId, String kind, String format, Instant startsAt, LocalDate meetingDate,
            String place, String topic, String state, Boolean quorumMet, Instant updatedAt, long version) {
        /** The JPQL select list of {@link #of(Object[])}, over {@code Meeting m}. */
        public static final String COLUMNS = "m.id, m.organizationId, m.kind, m.format, m.startsAt, m.meetingDate, m.place, m.topic, "
                + "m.state, m.quorumMet, m.updatedAt, m.version";

        public static MeetingSummary of(Object[] r) {
            return new MeetingSummary((UUID) r[0], (UUID) r[1], ((Enum<?>) r[2]).name(), ((Enum<?>) r[3]).name(), (Instant) r[4],
                    (LocalDate) r[5], (String) r[6], (String) r[7], ((Enum<?>) r[8]).name(), (Boolean) r[9], (Instant) r[10],
                    (Long) r[11]);
        }
    }

    @Schema(name = "RosterEntry", description = "A member expected at the meeting (đảng viên được triệu tập) and, once held, their attendance")
    public record AttendanceView(UUID memberId, String fullName, boolean official, boolean temporary, String status, String reason) {}

    @Schema(name = "GuestView", description = "A guest (khách mời); superior = the assigned superior committee member")
    public record GuestView(String fullName, UUID memberId, String title, boolean superior) {}

    @Schema(name = "AttendanceRecord", description = "The roster with each member's attendance, and the guests")
    public record AttendanceRecord(List<AttendanceView> members, List<GuestView> guests) {}

    @Schema(name = "CommentView", description = "A comment on an agenda item (góp ý)")
    public record CommentView(long id, UUID agendaItemId, UUID memberId, String author, String text, Instant createdAt) {}

    @Schema(name = "CellCompliance", description = "One cell over the period: missed regular months, quarters without a thematic meeting, attendance")
    public record CellCompliance(UUID organizationId, String name, String path,
            @Schema(description = "Months (YYYY-MM) without a held REGULAR meeting (thiếu sinh hoạt định kỳ)") List<String> monthsWithoutRegular,
            @Schema(description = "Quarters (YYYY-Qn) without a held THEMATIC meeting (thiếu sinh hoạt chuyên đề)") List<String> quartersWithoutThematic,
            int meetingsHeld, int meetingsBelowQuorum, long expected, long present,
            @Schema(description = "present / expected over the held meetings, null without any") Double attendanceRate,
            int meetingsWithSuperiorExpected, int meetingsWithSuperiorAttended,
            @Schema(description = "Share of meetings the assigned superior attended, null when none was assigned") Double superiorAttendanceShare) {}

    @Schema(name = "MemberCompliance", description = "One member's attendance over the period")
    public record MemberCompliance(UUID memberId, String fullName, long expected, long present, long absentExcused,
            long absentUnexcused, Double attendanceRate) {}

    @Schema(name = "ComplianceSummary", description = "Totals of a subtree over a period (feeds the annual evaluation)")
    public record ComplianceSummary(UUID organizationId, LocalDate from, LocalDate to, long cells, long cellsMissingRegular,
            long cellsMissingThematic, long meetingsHeld, long meetingsBelowQuorum, Double attendanceRate,
            long meetingsWithSuperiorExpected, long meetingsWithSuperiorAttended, Double superiorAttendanceShare) {}
}
