package vn.grassroots.meetings.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.meetings.domain.Meeting;

/**
 * What the services return, as plain records: built from SQL rows, or from a meeting inside the service's transaction
 * (its agenda is loaded lazily). The audit trail records them as before/after states, so their components and order are
 * those of the API's views ({@code api.MeetingViews}, {@code api.ComplianceViews}), which copy them.
 */
public final class Results {
    private Results() {}

    /** An agenda item. */
    public record AgendaEntry(UUID id, String title, String description) {}

    /** Counts of the attendance and validity; recordedBy/recordedAt are null for meetings recorded before they were kept. */
    public record AttendanceSummary(int expected, int expectedOfficial, int present, int presentOfficial, int absentExcused,
            int absentUnexcused, boolean quorumMet, boolean superiorExpected, boolean superiorAttended, String recordedBy,
            Instant recordedAt, boolean enteredLate) {}

    /** The quality rating and the superior's review. */
    public record Quality(int score, String level, Map<String, Integer> criteria, String comment, String ratedBy,
            Map<String, Object> review) {}

    /** Minutes, resolution, criticism, conclusions and their approval. */
    public record Minutes(String minutes, String resolution, String criticism, String conclusions, Instant approvedAt,
            String approvedBy) {}

    /** A meeting with its agenda, documents, attendance counts, minutes and quality; version is its ETag. */
    public record MeetingDetails(UUID id, UUID organizationId, String kind, String format, Instant startsAt,
            LocalDate meetingDate, String place, String onlineLink, String topic, List<AgendaEntry> agenda,
            List<Meeting.Document> documents, String state, String cancelReason, AttendanceSummary attendance,
            Minutes minutes, Quality quality, Instant createdAt, Instant updatedAt, long version) {

        /** Reads the meeting whole: call it inside the transaction that loaded it. */
        public static MeetingDetails of(Meeting m) {
            AttendanceSummary a = m.expected == null ? null : new AttendanceSummary(m.expected, m.expectedOfficial, m.present,
                    m.presentOfficial, m.absentExcused, m.absentUnexcused, m.quorumMet, m.superiorExpected, m.superiorAttended,
                    m.attendanceRecordedBy, m.attendanceRecordedAt, m.enteredLate);
            Minutes minutes = m.minutes == null ? null
                    : new Minutes(m.minutes, m.resolution, m.criticism, m.conclusions, m.minutesApprovedAt, m.minutesApprovedBy);
            Quality q = m.qualityScore == null ? null : new Quality(m.qualityScore, m.qualityLevel.name(), m.qualityCriteria,
                    m.qualityComment, m.qualityRatedBy, m.qualityReview);
            return new MeetingDetails(m.id, m.organizationId, m.kind.name(), m.format.name(), m.startsAt, m.meetingDate, m.place,
                    m.onlineLink, m.topic, m.agenda.stream().map(i -> new AgendaEntry(i.id, i.title, i.description)).toList(),
                    List.copyOf(m.documents), m.state.name(), m.cancelReason, a, minutes, q, m.createdAt, m.updatedAt, m.version);
        }
    }

    /** A meeting in a list, read from the columns {@link #COLUMNS} without loading the entity. */
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

    /** A member expected at the meeting and, once held, their attendance (status and reason null before). */
    public record MemberAttendance(UUID memberId, String fullName, boolean official, boolean temporary, String status,
            String reason) {}

    /** A guest; superior = the assigned superior committee member. */
    public record Guest(String fullName, UUID memberId, String title, boolean superior) {}

    /** The roster with each member's attendance, and the guests. */
    public record AttendanceRecord(List<MemberAttendance> members, List<Guest> guests) {}

    /** A comment on an agenda item. */
    public record Comment(long id, UUID agendaItemId, UUID memberId, String author, String text, Instant createdAt) {}

    /** One cell over the period; the rate and share (null without a base) are computed by the service. */
    public record CellCompliance(UUID organizationId, String name, String path, List<String> monthsWithoutRegular,
            List<String> quartersWithoutThematic, int meetingsHeld, int meetingsBelowQuorum, long expected, long present,
            Double attendanceRate, int meetingsWithSuperiorExpected, int meetingsWithSuperiorAttended,
            Double superiorAttendanceShare) {}

    /** One member's attendance over the period. */
    public record MemberCompliance(UUID memberId, String fullName, long expected, long present, long absentExcused,
            long absentUnexcused, Double attendanceRate) {}

    /** Totals of a subtree over a period. */
    public record ComplianceSummary(UUID organizationId, LocalDate from, LocalDate to, long cells, long cellsMissingRegular,
            long cellsMissingThematic, long meetingsHeld, long meetingsBelowQuorum, Double attendanceRate,
            long meetingsWithSuperiorExpected, long meetingsWithSuperiorAttended, Double superiorAttendanceShare) {}
}
