package vn.grassroots.meetings.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

    @Inject
    Outbox outbox;

    /** The shape of a meeting in events and on the state topic. */
    public record MeetingData(UUID id, UUID organizationId, String kind, String format, Instant startsAt, LocalDate meetingDate,
            String topic, String state, long version, Instant updatedAt, boolean enteredLate) {
        public static MeetingData of(Meeting m) {
            return new MeetingData(m.id, m.organizationId, m.kind.name(), m.format.name(), m.startsAt, m.meetingDate, m.topic,
                    m.state.name(), m.version, m.updatedAt, m.enteredLate);
        }
    }

    /** An event about one meeting (its state after the change, plus {@code details}) and its state record. */
    public void meeting(String type, Meeting m, Map<String, Object> details) {
        outbox.publish(TOPIC, AGGREGATE, m.id, type, data(m, details));
        outbox.publish(STATE_TOPIC, AGGREGATE, m.id, STATE, MeetingData.of(m));
    }

    /** Only the state record (a change no event type names, e.g. new details of a scheduled meeting). */
    public void state(Meeting m) {
        outbox.publish(STATE_TOPIC, AGGREGATE, m.id, STATE, MeetingData.of(m));
    }

    /** An event without a state record (the state did not change, e.g. one unexcused absence). */
    public void only(String type, Meeting m, Map<String, Object> details) {
        outbox.publish(TOPIC, AGGREGATE, m.id, type, data(m, details));
    }

    private static Map<String, Object> data(Meeting m, Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meeting", MeetingData.of(m));
        details.forEach((k, v) -> {
            if (v != null) {
                data.put(k, v);
            }
        });
        return data;
    }
}
