package vn.grassroots.assignments.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A meeting held in a cell, as this service keeps it (held_meeting) from the meetings service's held events. */
public record HeldMeeting(UUID id, UUID organizationId, String kind, LocalDate meetingDate, List<UUID> superiorAttendeeIds,
        long version) {}
