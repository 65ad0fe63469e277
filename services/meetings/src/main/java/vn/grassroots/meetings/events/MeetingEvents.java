package vn.grassroots.meetings.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.outbox.Outbox;
import vn.grassroots.meetings.domain.Meeting;

/**
 * What this service tells the others, through the outbox: meeting events keyed by the meeting id, and the latest
 * state of every meeting on the compacted state topic. Schemas: contracts/events/grassroots.meetings.*.schema.json.
 */
@ApplicationScoped
public class MeetingEvents {
    public static final String TOPIC = "grassroots.meetings.meetings.v1";
    public static final String STATE_TOPIC = "grassroots.meetings.meetings-state.v1";
    private static final String PREFIX = "vn.grassroots.meeting.";
    public static final String SCHEDULED = PREFIX + "scheduled";
    public static final String PUBLISHED = PREFIX + "published";
    public static final String HELD = PREFIX + "held";
    public static final String CANCELLED = PREFIX + "cancelled";
    public static final String MINUTES_APPROVED = PREFIX + "minutes-approved";
    public static final String QUALITY_RATED = PREFIX + "quality-rated";
    public static final String ABSENCE_UNEXCUSED = PREFIX + "absence-unexcused";
    public static final String STATE = PREFIX + "state";
    private static final String AGGREGATE = "Meeting";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final Outbox outbox;

    public MeetingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The shape of a meeting in events and on the state topic. */
    public record MeetingData(UUID id, UUID organizationId, String kind, String format, Instant startsAt, LocalDate meetingDate,
            String topic, String state, long version, Instant updatedAt, boolean enteredLate) {
        public static MeetingData of(Meeting m) {
            return new MeetingData(m.id, m.organizationId, m.kind.name(), m.format.name(), m.startsAt, m.meetingDate, m.topic,
                    m.state.name(), m.version, m.updatedAt, m.enteredLate);
        }
    }

    // The data of each event type (contracts/events/grassroots.meetings.meetings.v1.schema.json): the meeting after the
    // change, plus what the type adds.

    /** scheduled, minutes-approved: the meeting only. */
    public record Changed(MeetingData meeting) {}

    /** published: with the titles of the agenda items. */
    public record Published(MeetingData meeting, List<String> agenda) {}

    /** cancelled: with why. */
    public record Cancelled(MeetingData meeting, String reason) {}

    /** held: with the attendance. */
    public record Held(MeetingData meeting, Attendance attendance) {}

    /** The attendance of a held meeting (also what the audit trail records of the hold). */
    public record Attendance(int expected, int expectedOfficial, int present, int absentExcused, int absentUnexcused,
            boolean quorumMet, boolean superiorAttended, List<UUID> superiorAttendeeIds, List<Mark> members) {}

    /** One member of the roster and their status. */
    public record Mark(UUID memberId, String status) {}

    /** quality-rated: with the rating. */
    public record QualityRated(MeetingData meeting, Quality quality) {}

    public record Quality(int score, String level, Map<String, Integer> criteria) {}

    /** absence-unexcused: one member absent without reason, and the month of the meeting. */
    public record AbsenceUnexcused(MeetingData meeting, UUID memberId, String month) {}

    public void scheduled(Meeting m) {
        meeting(SCHEDULED, m, new Changed(MeetingData.of(m)));
    }

    public void published(Meeting m) {
        meeting(PUBLISHED, m, new Published(MeetingData.of(m), m.agenda.stream().map(i -> i.title).toList()));
    }

    public void cancelled(Meeting m) {
        meeting(CANCELLED, m, new Cancelled(MeetingData.of(m), m.cancelReason));
    }

    public void held(Meeting m, Attendance attendance) {
        meeting(HELD, m, new Held(MeetingData.of(m), attendance));
    }

    public void minutesApproved(Meeting m) {
        meeting(MINUTES_APPROVED, m, new Changed(MeetingData.of(m)));
    }

    public void qualityRated(Meeting m) {
        meeting(QUALITY_RATED, m, new QualityRated(MeetingData.of(m),
                new Quality(m.qualityScore, m.qualityLevel.name(), m.qualityCriteria)));
    }

    /** An event without a state record: the state did not change. */
    public void absenceUnexcused(Meeting m, UUID memberId) {
        outbox.publish(TOPIC, AGGREGATE, m.id, ABSENCE_UNEXCUSED, new AbsenceUnexcused(MeetingData.of(m), memberId,
                m.meetingDate.format(MONTH)));
    }

    /** Only the state record (a change no event type names, e.g. new details of a scheduled meeting). */
    public void state(Meeting m) {
        outbox.publish(STATE_TOPIC, AGGREGATE, m.id, STATE, MeetingData.of(m));
    }

    /** An event about one meeting and its state record. */
    private void meeting(String type, Meeting m, Object data) {
        outbox.publish(TOPIC, AGGREGATE, m.id, type, data);
        outbox.publish(STATE_TOPIC, AGGREGATE, m.id, STATE, MeetingData.of(m));
    }
}
