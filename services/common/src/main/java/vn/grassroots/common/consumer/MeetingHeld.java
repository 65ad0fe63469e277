package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.time.VietnamClock;

/**
 * A meeting held (sinh hoạt đã tổ chức) as the meetings service's {@code held} event carries it: the meeting
 * ({@code data.meeting}) and its attendance ({@code data.attendance}), read leniently: a missing or malformed field is
 * null (version -1), and each consumer refuses the record when a field it needs is missing.
 */
public record MeetingHeld(UUID id, UUID organizationId, String kind, LocalDate meetingDate, Integer year, long version,
        List<Attendance> members, List<UUID> superiorAttendeeIds) {
    public static final String TYPE = "vn.grassroots.meeting.held";

    /** A member's attendance: PRESENT, ABSENT_EXCUSED or ABSENT_UNEXCUSED. */
    public record Attendance(UUID memberId, String status) {}

    /** The held meeting of an event's data; {@code members} is null when the attendance has no list of members. */
    public static MeetingHeld read(JsonNode data) {
        JsonNode meeting = data.path("meeting");
        LocalDate date = EventFields.date(meeting.path("meetingDate"));
        JsonNode attendance = data.path("attendance");
        List<Attendance> members = null;
        if (attendance.path("members").isArray()) {
            members = new ArrayList<>();
            for (JsonNode a : attendance.path("members")) {
                UUID member = EventFields.uuid(a.path("memberId"));
                if (member != null) {
                    members.add(new Attendance(member, a.path("status").asText("")));
                }
            }
        }
        List<UUID> superiors = new ArrayList<>();
        for (JsonNode a : attendance.path("superiorAttendeeIds")) {
            UUID u = EventFields.uuid(a);
            if (u != null) {
                superiors.add(u);
            }
        }
        return new MeetingHeld(EventFields.uuid(meeting.path("id")), EventFields.uuid(meeting.path("organizationId")),
                EventFields.text(meeting.path("kind")), date, date != null ? Integer.valueOf(date.getYear()) : yearStarting(meeting),
                EventFields.version(meeting.path("version")), members, List.copyOf(superiors));
    }

    /** The year of the meeting's start in Vietnam, for an event without a meeting date. */
    private static Integer yearStarting(JsonNode meeting) {
        try {
            return ZonedDateTime.parse(meeting.path("startsAt").asText("")).withZoneSameInstant(VietnamClock.ZONE).getYear();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
