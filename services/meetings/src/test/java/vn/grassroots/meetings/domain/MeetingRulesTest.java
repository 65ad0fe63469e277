package vn.grassroots.meetings.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.grassroots.common.problem.ProblemException;

/** The rules of holding a meeting, its quorum and its state transitions: plain JUnit, no database, CDI or Kafka. */
class MeetingRulesTest {
    static final Quorum TWO_THIRDS = new Quorum(2, 3);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    // ---- quorum --------------------------------------------------------------------------------------------------

    @Test
    void quorumIsTwoThirdsOfTheOfficialMembersSummoned() {
        assertTrue(TWO_THIRDS.met(2, 3), "exactly two thirds");
        assertFalse(TWO_THIRDS.met(1, 3), "one short");
        assertTrue(TWO_THIRDS.met(3, 3));
        assertTrue(TWO_THIRDS.met(4, 6), "exactly met");
        assertFalse(TWO_THIRDS.met(3, 6), "one short");
        assertTrue(TWO_THIRDS.met(5, 7), "rounded up: 14/3 needs 5");
        assertFalse(TWO_THIRDS.met(4, 7), "4 of 7 is under two thirds");
    }

    @Test
    void noOfficialMemberSummonedIsNoQuorum() {
        assertFalse(TWO_THIRDS.met(0, 0));
        assertFalse(new Quorum(0, 1).met(0, 0));
    }

    @Test
    void quorumRatioComesFromTheConfiguration() {
        Quorum half = new Quorum(1, 2);
        assertTrue(half.met(2, 4));
        assertFalse(half.met(1, 4));
    }

    @Test
    void largeCountsDoNotOverflow() {
        assertTrue(new Quorum(2, 3).met(Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    // ---- attendance counts ---------------------------------------------------------------------------------------

    @Test
    void attendanceCountsEachMarkAndOnlyOfficialMembersForTheQuorum() {
        Attendance a = new Attendance();
        a.count(true, AttendanceStatus.PRESENT);
        a.count(true, AttendanceStatus.PRESENT);
        a.count(true, AttendanceStatus.ABSENT_EXCUSED);
        a.count(false, AttendanceStatus.PRESENT); // probationary: present, not counted for the quorum
        a.count(false, AttendanceStatus.ABSENT_UNEXCUSED);
        assertEquals(5, a.expected());
        assertEquals(3, a.expectedOfficial());
        assertEquals(3, a.present());
        assertEquals(2, a.presentOfficial());
        assertEquals(1, a.absentExcused());
        assertEquals(1, a.absentUnexcused());
        assertTrue(a.quorumMet(TWO_THIRDS), "2 of 3 official present");
    }

    @Test
    void anExcusedAbsenceStillCountsAsSummoned() {
        Attendance a = new Attendance();
        a.count(true, AttendanceStatus.PRESENT);
        a.count(true, AttendanceStatus.ABSENT_EXCUSED);
        a.count(true, AttendanceStatus.ABSENT_EXCUSED);
        assertFalse(a.quorumMet(TWO_THIRDS), "1 of 3: excused absences do not lower the quorum");
    }

    @Test
    void probationaryMembersPresentDoNotMakeTheQuorum() {
        Attendance a = new Attendance();
        a.count(true, AttendanceStatus.PRESENT);
        a.count(true, AttendanceStatus.ABSENT_UNEXCUSED);
        a.count(true, AttendanceStatus.ABSENT_UNEXCUSED);
        for (int i = 0; i < 10; i++) {
            a.count(false, AttendanceStatus.PRESENT);
        }
        assertEquals(11, a.present());
        assertFalse(a.quorumMet(TWO_THIRDS));
    }

    @Test
    void onlyProbationaryMembersIsNoQuorum() {
        Attendance a = new Attendance();
        a.count(false, AttendanceStatus.PRESENT);
        assertEquals(0, a.expectedOfficial());
        assertFalse(a.quorumMet(TWO_THIRDS));
    }

    @Test
    void heldRecordsTheCountsTheQuorumAndTheState() {
        Meeting m = meeting(MeetingState.PUBLISHED, TODAY);
        Attendance a = new Attendance();
        a.count(true, AttendanceStatus.PRESENT);
        a.count(true, AttendanceStatus.PRESENT);
        a.count(true, AttendanceStatus.ABSENT_EXCUSED);
        a.count(false, AttendanceStatus.ABSENT_UNEXCUSED);
        m.held(a, TWO_THIRDS);
        assertEquals(MeetingState.HELD, m.state);
        assertEquals(4, m.expected);
        assertEquals(3, m.expectedOfficial);
        assertEquals(2, m.present);
        assertEquals(2, m.presentOfficial);
        assertEquals(1, m.absentExcused);
        assertEquals(1, m.absentUnexcused);
        assertTrue(m.quorumMet);
    }

    // ---- holding -------------------------------------------------------------------------------------------------

    @Test
    void aPublishedMeetingIsHeldOnItsDayNotLate() {
        assertFalse(meeting(MeetingState.PUBLISHED, TODAY).requireHoldable(TODAY, 1));
    }

    @Test
    void aPublishedMeetingHeldAfterItsDayIsLate() {
        assertTrue(meeting(MeetingState.PUBLISHED, TODAY.minusDays(1)).requireHoldable(TODAY, 1));
    }

    @Test
    void aDraftWhoseDayHasPassedIsHeldLate() {
        assertTrue(meeting(MeetingState.DRAFT, TODAY.minusDays(1)).requireHoldable(TODAY, 1));
    }

    @Test
    void aDraftOnItsDayIsNotHeld() {
        ProblemException e = assertThrows(ProblemException.class, () -> meeting(MeetingState.DRAFT, TODAY).requireHoldable(TODAY, 1));
        assertProblem(e, 409, "invalid-state",
                "only a PUBLISHED meeting, or a DRAFT whose day has passed, is recorded as held; this one is DRAFT");
    }

    @Test
    void aMeetingIsNotHeldBeforeItsDay() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> meeting(MeetingState.PUBLISHED, TODAY.plusDays(1)).requireHoldable(TODAY, 1));
        assertProblem(e, 422, "meeting-not-yet-held", "the meeting is on 2026-06-16; record it on or after that day");
    }

    @Test
    void lateEntryWindowIsTheCurrentYearAndThePreviousOnes() {
        assertTrue(meeting(MeetingState.DRAFT, LocalDate.of(2025, 1, 1)).requireHoldable(TODAY, 1), "first day of the window");
        ProblemException e = assertThrows(ProblemException.class,
                () -> meeting(MeetingState.DRAFT, LocalDate.of(2024, 12, 31)).requireHoldable(TODAY, 1));
        assertProblem(e, 422, "outside-late-entry-window", "meetings are recorded after the fact from 2025 on; this one was on 2024-12-31");
        assertEquals("startsAt", e.errors().get(0).field());
        assertDoesNotThrow(() -> meeting(MeetingState.DRAFT, LocalDate.of(2024, 12, 31)).requireHoldable(TODAY, 2));
        assertThrows(ProblemException.class, () -> meeting(MeetingState.DRAFT, LocalDate.of(2025, 12, 31)).requireHoldable(TODAY, 0));
    }

    @Test
    void heldCancelledOrApprovedMeetingsAreNotHeldAgain() {
        assertProblem(assertThrows(ProblemException.class, () -> meeting(MeetingState.HELD, TODAY.minusDays(1)).requireHoldable(TODAY, 1)),
                409, "invalid-state", "only a PUBLISHED meeting, or a DRAFT whose day has passed, is recorded as held; this one is HELD");
        assertProblem(assertThrows(ProblemException.class, () -> meeting(MeetingState.CANCELLED, TODAY).requireHoldable(TODAY, 1)),
                409, "meeting-cancelled", "this meeting is cancelled: it no longer changes");
        assertProblem(assertThrows(ProblemException.class, () -> meeting(MeetingState.MINUTES_APPROVED, TODAY).requireHoldable(TODAY, 1)),
                409, "meeting-frozen", "the minutes of this meeting are approved: it no longer changes");
    }

    // ---- state transitions ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = MeetingState.class, names = {"DRAFT", "PUBLISHED"})
    void draftAndPublishedAreCancelled(MeetingState s) {
        assertDoesNotThrow(() -> meeting(s, TODAY).requireCancellable());
    }

    @ParameterizedTest
    @EnumSource(value = MeetingState.class, names = {"HELD", "MINUTES_APPROVED", "CANCELLED"})
    void othersAreNotCancelled(MeetingState s) {
        assertProblem(assertThrows(ProblemException.class, () -> meeting(s, TODAY).requireCancellable()),
                409, "invalid-state", "a " + s + " meeting cannot be cancelled; only DRAFT or PUBLISHED");
    }

    @Test
    void onlyADraftIsPublished() {
        assertDoesNotThrow(() -> meeting(MeetingState.DRAFT, TODAY).requireState(MeetingState.DRAFT, "only a DRAFT meeting is published"));
        assertProblem(assertThrows(ProblemException.class,
                () -> meeting(MeetingState.PUBLISHED, TODAY).requireState(MeetingState.DRAFT, "only a DRAFT meeting is published")),
                409, "invalid-state", "only a DRAFT meeting is published; this one is PUBLISHED");
        assertProblem(assertThrows(ProblemException.class,
                () -> meeting(MeetingState.HELD, TODAY).requireState(MeetingState.DRAFT, "only a DRAFT meeting is published")),
                409, "invalid-state", "only a DRAFT meeting is published; this one is HELD");
    }

    @Test
    void aRefusedStepOnAFrozenMeetingSaysItIsFrozen() {
        assertProblem(assertThrows(ProblemException.class,
                () -> meeting(MeetingState.CANCELLED, TODAY).requireState(MeetingState.HELD, "minutes are approved for a HELD meeting")),
                409, "meeting-cancelled", "this meeting is cancelled: it no longer changes");
        assertProblem(assertThrows(ProblemException.class,
                () -> meeting(MeetingState.MINUTES_APPROVED, TODAY).requireState(MeetingState.HELD, "minutes are approved for a HELD meeting")),
                409, "meeting-frozen", "the minutes of this meeting are approved: it no longer changes");
        assertDoesNotThrow(() -> meeting(MeetingState.HELD, TODAY).requireState(MeetingState.HELD, "minutes are approved for a HELD meeting"));
    }

    @ParameterizedTest
    @EnumSource(value = MeetingState.class, names = {"DRAFT", "PUBLISHED", "HELD"})
    void onlyApprovedOrCancelledMeetingsAreFrozen(MeetingState s) {
        assertDoesNotThrow(() -> meeting(s, TODAY).refuseIfFrozen());
    }

    @Test
    void detailsAreEditedWhileDraftOrPublished() {
        assertDoesNotThrow(() -> meeting(MeetingState.DRAFT, TODAY).refuseIfNotEditable());
        assertDoesNotThrow(() -> meeting(MeetingState.PUBLISHED, TODAY).refuseIfNotEditable());
        assertProblem(assertThrows(ProblemException.class, () -> meeting(MeetingState.HELD, TODAY).refuseIfNotEditable()),
                409, "meeting-held", "the meeting is held: its details are fixed; write its minutes instead");
        assertProblem(assertThrows(ProblemException.class, () -> meeting(MeetingState.CANCELLED, TODAY).refuseIfNotEditable()),
                409, "meeting-cancelled", "this meeting is cancelled: it no longer changes");
        assertProblem(assertThrows(ProblemException.class, () -> meeting(MeetingState.MINUTES_APPROVED, TODAY).refuseIfNotEditable()),
                409, "meeting-frozen", "the minutes of this meeting are approved: it no longer changes");
    }

    private static Meeting meeting(MeetingState state, LocalDate day) {
        Meeting m = new Meeting();
        m.state = state;
        m.meetingDate = day;
        return m;
    }

    private static void assertProblem(ProblemException e, int status, String type, String detail) {
        assertEquals(status, e.status());
        assertEquals(type, e.slug());
        assertEquals(detail, e.getMessage());
    }
}
