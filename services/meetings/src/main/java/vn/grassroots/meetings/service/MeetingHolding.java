package vn.grassroots.meetings.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.web.ETags;
import vn.grassroots.meetings.domain.Attendance;
import vn.grassroots.meetings.domain.AttendanceStatus;
import vn.grassroots.meetings.domain.Meeting;
import vn.grassroots.meetings.domain.Quorum;
import vn.grassroots.meetings.events.MeetingEvents;
import vn.grassroots.meetings.repository.AssignmentReadModel;
import vn.grassroots.meetings.repository.MemberReadModel.RosterEntry;
import vn.grassroots.meetings.repository.MemberReadModel;

/** Holding a meeting (sinh hoạt): the attendance of every member of the roster, the guests, the quorum. */
@ApplicationScoped
public class MeetingHolding {
    private final VietnamClock clock;
    private final EntityManager em;
    private final Access access;
    private final MeetingQueries queries;
    private final MeetingEvents events;
    private final AuditTrail audit;
    private final MemberReadModel members;
    private final AssignmentReadModel assignments;
    private final int quorumNumerator;
    private final int quorumDenominator;

    /** How far back a meeting may be recorded after the fact: the current year and this many before it. */
    private final int lateEntryPreviousYears;

    public MeetingHolding(VietnamClock clock, EntityManager em, Access access, MeetingQueries queries,
            MeetingEvents events, AuditTrail audit, MemberReadModel members, AssignmentReadModel assignments,
            @ConfigProperty(name = "meetings.quorum.numerator", defaultValue = "2") int quorumNumerator,
            @ConfigProperty(name = "meetings.quorum.denominator", defaultValue = "3") int quorumDenominator,
            @ConfigProperty(name = "meetings.late-entry.previous-years", defaultValue = "1") int lateEntryPreviousYears) {
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.queries = queries;
        this.events = events;
        this.audit = audit;
        this.members = members;
        this.assignments = assignments;
        this.quorumNumerator = quorumNumerator;
        this.quorumDenominator = quorumDenominator;
        this.lateEntryPreviousYears = lateEntryPreviousYears;
    }

    /**
     * Records who attended. A PUBLISHED meeting on or after its day; a DRAFT whose day has passed too (a meeting kept on
     * paper and entered later, within the late-entry window), without publishing it first.
     */
    @Transactional
    public Results.MeetingDetails hold(UUID id, Commands.Hold in, String ifMatch) {
        Meeting m = queries.forChange(id);
        ETags.check(ifMatch, m.version);
        boolean late = m.requireHoldable(clock.today(), lateEntryPreviousYears);
        m.attendanceRecordedBy = access.caller().name();
        m.attendanceRecordedAt = Instant.now();
        m.enteredLate = late;
        List<RosterEntry> roster = members.roster(m.organizationId, m.meetingDate);
        Map<UUID, Commands.Mark> marks = checkedMarks(m, roster, in.attendance());
        List<UUID> assigned = assignments.attendeesOf(m.organizationId, m.meetingDate);
        List<UUID> superiorIds = writeGuests(m, in.guests() == null ? List.of() : in.guests(), assigned);
        Attendance counts = new Attendance();
        List<MeetingEvents.Mark> memberMarks = writeAttendance(m, roster, marks, counts);
        // quorum: present official members ≥ numerator/denominator of the official members summoned (exempt not counted)
        m.held(counts, new Quorum(quorumNumerator, quorumDenominator));
        m.superiorExpected = !assigned.isEmpty();
        m.superiorAttended = !superiorIds.isEmpty();
        m.touch(Instant.now());
        MeetingEvents.Attendance attendance = new MeetingEvents.Attendance(m.expected, m.expectedOfficial, m.present,
                m.absentExcused, m.absentUnexcused, m.quorumMet, m.superiorAttended, superiorIds, memberMarks);
        events.held(m, attendance);
        for (RosterEntry r : roster) {
            if (marks.get(r.memberId()).status() == AttendanceStatus.ABSENT_UNEXCUSED) {
                events.absenceUnexcused(m, r.memberId());
            }
        }
        audit.record("meeting.held", "Meeting", m.id, m.organizationPath, null, attendance);
        return Results.MeetingDetails.of(m);
    }

    /** One mark per member of the roster and none for anyone else; an excused absence gives its reason. */
    private static Map<UUID, Commands.Mark> checkedMarks(Meeting m, List<RosterEntry> roster, List<Commands.Mark> attendance) {
        Map<UUID, RosterEntry> byId = new HashMap<>();
        roster.forEach(r -> byId.put(r.memberId(), r));
        Map<UUID, Commands.Mark> marks = new LinkedHashMap<>();
        List<FieldError> strangers = new ArrayList<>();
        for (int i = 0; i < attendance.size(); i++) {
            Commands.Mark mark = attendance.get(i);
            if (marks.put(mark.memberId(), mark) != null) {
                throw ProblemException.invalid("attendance[" + i + "].memberId", "is marked twice");
            }
            if (!byId.containsKey(mark.memberId())) {
                strangers.add(new FieldError("attendance[" + i + "].memberId",
                        mark.memberId() + " is not a member active in this organization on " + m.meetingDate));
            }
            if (mark.status() == AttendanceStatus.ABSENT_EXCUSED && (mark.reason() == null || mark.reason().isBlank())) {
                throw ProblemException.invalid("attendance[" + i + "].reason", "is required for ABSENT_EXCUSED (vắng có lý do)");
            }
        }
        if (!strangers.isEmpty()) {
            throw new ProblemException(422, "not-a-member-of-organization", "Unprocessable request",
                    "attendance is recorded only for members active in the organization (guests go under guests)", strangers);
        }
        List<FieldError> missing = roster.stream().filter(r -> !marks.containsKey(r.memberId()))
                .map(r -> new FieldError("attendance", "no mark for " + r.memberId() + " (" + r.fullName() + ")")).toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(422, "attendance-incomplete", "Unprocessable request",
                    "every member of the roster is marked present, absent with a reason or absent without one; "
                            + missing.size() + " are not", missing);
        }
        return marks;
    }

    /** Writes the guests in their order; returns the members among them who follow the organization (cấp ủy viên cấp trên). */
    private List<UUID> writeGuests(Meeting m, List<Commands.Guest> guests, List<UUID> assigned) {
        List<UUID> superiorIds = new ArrayList<>();
        int position = 0;
        for (Commands.Guest g : guests) {
            boolean superior = g.memberId() != null && assigned.contains(g.memberId());
            if (superior && !superiorIds.contains(g.memberId())) {
                superiorIds.add(g.memberId());
            }
            em.createNativeQuery("INSERT INTO meeting_guest (meeting_id, position, full_name, member_id, title, superior) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, m.id).setParameter(2, position++).setParameter(3, g.fullName().trim())
                    .setParameter(4, g.memberId()).setParameter(5, g.title()).setParameter(6, superior).executeUpdate();
        }
        return superiorIds;
    }

    /** Writes each member's mark and counts it; returns the marks as the held event carries them. */
    private List<MeetingEvents.Mark> writeAttendance(Meeting m, List<RosterEntry> roster, Map<UUID, Commands.Mark> marks,
            Attendance counts) {
        List<MeetingEvents.Mark> memberMarks = new ArrayList<>();
        for (RosterEntry r : roster) {
            Commands.Mark mark = marks.get(r.memberId());
            em.createNativeQuery("INSERT INTO attendance (meeting_id, member_id, full_name, official, temporary, status, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, m.id).setParameter(2, r.memberId()).setParameter(3, r.fullName()).setParameter(4, r.official())
                    .setParameter(5, r.temporary()).setParameter(6, mark.status().name())
                    .setParameter(7, mark.reason() == null || mark.reason().isBlank() ? null : mark.reason().trim()).executeUpdate();
            counts.count(r.official(), mark.status());
            memberMarks.add(new MeetingEvents.Mark(r.memberId(), mark.status().name()));
        }
        return memberMarks;
    }
}
