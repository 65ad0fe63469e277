package vn.grassroots.meetings.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.web.Versioned;
import vn.grassroots.meetings.domain.Meeting;
import vn.grassroots.meetings.service.Results;

/**
 * The meetings' response bodies: copies of what the services return ({@link Results}), so that the OpenAPI description
 * lives in api. The nested names and annotations make the OpenAPI schemas; the mappers only copy.
 */
public final class MeetingViews {
    private MeetingViews() {}

    @Schema(name = "AgendaItem", description = "An agenda item (nội dung sinh hoạt)")
    public record AgendaItemView(UUID id, String title, String description) {
        public static AgendaItemView of(Results.AgendaEntry i) {
            return new AgendaItemView(i.id(), i.title(), i.description());
        }
    }

    @Schema(name = "AttendanceSummary", description = "Counts of the attendance (điểm danh) and validity (hợp lệ)")
    public record AttendanceSummary(int expected, int expectedOfficial, int present, int presentOfficial, int absentExcused,
            int absentUnexcused, boolean quorumMet, boolean superiorExpected, boolean superiorAttended,
            @Schema(nullable = true, description = "Who recorded the attendance (null for meetings recorded before this was kept)") String recordedBy,
            @Schema(nullable = true, description = "When the attendance was recorded") Instant recordedAt,
            @Schema(description = "Recorded after the day of the meeting (nhập bổ sung): a register caught up later") boolean enteredLate) {
        public static AttendanceSummary of(Results.AttendanceSummary a) {
            return a == null ? null : new AttendanceSummary(a.expected(), a.expectedOfficial(), a.present(), a.presentOfficial(),
                    a.absentExcused(), a.absentUnexcused(), a.quorumMet(), a.superiorExpected(), a.superiorAttended(),
                    a.recordedBy(), a.recordedAt(), a.enteredLate());
        }
    }

    @Schema(name = "QualityView", description = "The meeting's quality rating (chất lượng sinh hoạt) and the superior's review")
    public record QualityView(int score, String level, Map<String, Integer> criteria, String comment, String ratedBy,
            Map<String, Object> review) {
        public static QualityView of(Results.Quality q) {
            return q == null ? null : new QualityView(q.score(), q.level(), q.criteria(), q.comment(), q.ratedBy(), q.review());
        }
    }

    @Schema(name = "MinutesView", description = "Minutes (biên bản), resolution (nghị quyết), criticism (phê bình và tự phê bình), conclusions")
    public record MinutesView(String minutes, String resolution, String criticism, String conclusions, Instant approvedAt,
            String approvedBy) {
        public static MinutesView of(Results.Minutes m) {
            return m == null ? null
                    : new MinutesView(m.minutes(), m.resolution(), m.criticism(), m.conclusions(), m.approvedAt(), m.approvedBy());
        }
    }

    @Schema(name = "Meeting", description = "A meeting (buổi sinh hoạt); its version is its ETag")
    public record MeetingView(UUID id, UUID organizationId, String kind, String format, Instant startsAt,
            @Schema(description = "The calendar day in Asia/Ho_Chi_Minh") LocalDate meetingDate, String place, String onlineLink,
            String topic, List<AgendaItemView> agenda, List<Meeting.Document> documents, String state, String cancelReason,
            AttendanceSummary attendance, MinutesView minutes, QualityView quality, Instant createdAt, Instant updatedAt,
            long version) implements Versioned {

        public static MeetingView of(Results.MeetingDetails m) {
            return new MeetingView(m.id(), m.organizationId(), m.kind(), m.format(), m.startsAt(), m.meetingDate(), m.place(),
                    m.onlineLink(), m.topic(), m.agenda().stream().map(AgendaItemView::of).toList(), m.documents(), m.state(),
                    m.cancelReason(), AttendanceSummary.of(m.attendance()), MinutesView.of(m.minutes()), QualityView.of(m.quality()),
                    m.createdAt(), m.updatedAt(), m.version());
        }
    }

    @Schema(name = "MeetingSummary", description = "A meeting in a list")
    public record MeetingSummary(UUID id, UUID organizationId, String kind, String format, Instant startsAt, LocalDate meetingDate,
            String place, String topic, String state, Boolean quorumMet, Instant updatedAt, long version) {
        public static MeetingSummary of(Results.MeetingSummary s) {
            return new MeetingSummary(s.id(), s.organizationId(), s.kind(), s.format(), s.startsAt(), s.meetingDate(), s.place(),
                    s.topic(), s.state(), s.quorumMet(), s.updatedAt(), s.version());
        }
    }

    @Schema(name = "RosterEntry", description = "A member expected at the meeting (đảng viên được triệu tập) and, once held, their attendance")
    public record AttendanceView(UUID memberId, String fullName, boolean official, boolean temporary, String status, String reason) {
        public static AttendanceView of(Results.MemberAttendance a) {
            return new AttendanceView(a.memberId(), a.fullName(), a.official(), a.temporary(), a.status(), a.reason());
        }
    }

    @Schema(name = "GuestView", description = "A guest (khách mời); superior = the assigned superior committee member")
    public record GuestView(String fullName, UUID memberId, String title, boolean superior) {
        public static GuestView of(Results.Guest g) {
            return new GuestView(g.fullName(), g.memberId(), g.title(), g.superior());
        }
    }

    @Schema(name = "AttendanceRecord", description = "The roster with each member's attendance, and the guests")
    public record AttendanceRecord(List<AttendanceView> members, List<GuestView> guests) {
        public static AttendanceRecord of(Results.AttendanceRecord r) {
            return new AttendanceRecord(r.members().stream().map(AttendanceView::of).toList(),
                    r.guests().stream().map(GuestView::of).toList());
        }
    }

    @Schema(name = "CommentView", description = "A comment on an agenda item (góp ý)")
    public record CommentView(long id, UUID agendaItemId, UUID memberId, String author, String text, Instant createdAt) {
        public static CommentView of(Results.Comment c) {
            return new CommentView(c.id(), c.agendaItemId(), c.memberId(), c.author(), c.text(), c.createdAt());
        }
    }
}
