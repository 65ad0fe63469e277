package vn.grassroots.assignments.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

/** A task's states and date rules, without PostgreSQL, Kafka or Quarkus (issue 17). */
class TaskRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 5, 15);
    static final Instant AT = Instant.parse("2026-05-15T03:00:00Z");

    static Task task(String state) {
        Task t = new Task();
        t.state = state;
        t.dueDate = TODAY;
        t.version = 3;
        return t;
    }

    static ProblemException refused(int status, String slug, String detail, Executable change) {
        ProblemException e = assertThrows(ProblemException.class, change);
        assertEquals(status, e.status());
        assertEquals(slug, e.slug());
        assertEquals(detail, e.getMessage());
        return e;
    }

    static void unchanged(Task t, String state) {
        assertEquals(state, t.state);
        assertEquals(3, t.version);
        assertNull(t.updatedAt);
    }

    @Test
    void openStates() {
        assertTrue(task("ASSIGNED").isOpen());
        assertTrue(task("IN_PROGRESS").isOpen());
        assertFalse(task("DONE").isOpen());
        assertFalse(task("CANCELLED").isOpen());
    }

    @Test
    void dueDateTodayOrLaterIsAccepted() {
        assertDoesNotThrow(() -> Task.requireDueDateNotPast(TODAY, TODAY));
        assertDoesNotThrow(() -> Task.requireDueDateNotPast(TODAY.plusDays(1), TODAY));
    }

    @Test
    void dueDateYesterdayIsRefused() {
        ProblemException e = refused(400, "validation", "dueDate: must not be in the past",
                () -> Task.requireDueDateNotPast(TODAY.minusDays(1), TODAY));
        assertEquals(List.of(new FieldError("dueDate", "must not be in the past")), e.errors());
    }

    @Test
    void progressOnAnOpenTaskMakesItInProgress() {
        for (String state : new String[] {"ASSIGNED", "IN_PROGRESS"}) {
            Task t = task(state);
            t.reportProgress(40, AT);
            assertEquals("IN_PROGRESS", t.state);
            assertEquals(40, t.progressPercent);
            assertEquals(AT, t.updatedAt);
            assertEquals(4, t.version);
        }
    }

    @Test
    void progressOnAClosedTaskIsRefused() {
        for (String state : new String[] {"DONE", "CANCELLED"}) {
            Task t = task(state);
            refused(409, "task-closed", "the task is " + state, () -> t.reportProgress(40, AT));
            unchanged(t, state);
        }
    }

    @Test
    void completingAnOpenTaskMakesItDone() {
        for (String state : new String[] {"ASSIGNED", "IN_PROGRESS"}) {
            Task t = task(state);
            t.complete(TODAY.minusDays(2), TODAY, AT);
            assertEquals("DONE", t.state);
            assertEquals(100, t.progressPercent);
            assertEquals(TODAY.minusDays(2), t.completedOn);
            assertEquals(AT, t.updatedAt);
            assertEquals(4, t.version);
        }
    }

    @Test
    void completionWithoutADateIsToday() {
        Task t = task("ASSIGNED");
        t.complete(null, TODAY, AT);
        assertEquals(TODAY, t.completedOn);
    }

    @Test
    void completionTodayIsAcceptedTomorrowRefused() {
        Task today = task("ASSIGNED");
        today.complete(TODAY, TODAY, AT);
        assertEquals(TODAY, today.completedOn);

        Task tomorrow = task("ASSIGNED");
        ProblemException e = refused(400, "validation", "completedOn: must not be in the future",
                () -> tomorrow.complete(TODAY.plusDays(1), TODAY, AT));
        assertEquals(List.of(new FieldError("completedOn", "must not be in the future")), e.errors());
        unchanged(tomorrow, "ASSIGNED");
        assertNull(tomorrow.completedOn);
    }

    @Test
    void completingACancelledOrDoneTaskIsRefused() {
        Task cancelled = task("CANCELLED");
        refused(409, "task-cancelled", "a cancelled task cannot be completed", () -> cancelled.complete(TODAY, TODAY, AT));
        unchanged(cancelled, "CANCELLED");

        Task done = task("DONE");
        refused(409, "task-done", "the task is already done", () -> done.complete(TODAY, TODAY, AT));
        unchanged(done, "DONE");
    }

    @Test
    void cancellingAnOpenTaskMakesItCancelled() {
        for (String state : new String[] {"ASSIGNED", "IN_PROGRESS"}) {
            Task t = task(state);
            t.cancel("no longer needed", AT);
            assertEquals("CANCELLED", t.state);
            assertEquals("no longer needed", t.cancelReason);
            assertEquals(AT, t.updatedAt);
            assertEquals(4, t.version);
        }
    }

    @Test
    void cancellingAClosedTaskIsRefused() {
        for (String state : new String[] {"DONE", "CANCELLED"}) {
            Task t = task(state);
            refused(409, "task-closed", "the task is " + state, () -> t.cancel("why", AT));
            unchanged(t, state);
            assertNull(t.cancelReason);
        }
    }

    @Test
    void onTimeMeansCompletedOnOrBeforeTheDueDate() {
        Task t = task("DONE");
        assertNull(t.onTime());
        t.completedOn = TODAY.minusDays(1);
        assertTrue(t.onTime());
        t.completedOn = TODAY;
        assertTrue(t.onTime(), "completed on the due date");
        t.completedOn = TODAY.plusDays(1);
        assertFalse(t.onTime(), "one day late");
    }

    @Test
    void overdueIsAnOpenTaskDueBeforeTheDay() {
        for (String state : new String[] {"ASSIGNED", "IN_PROGRESS"}) {
            Task t = task(state);
            assertFalse(t.isOverdueAsOf(TODAY), "due today");
            assertTrue(t.isOverdueAsOf(TODAY.plusDays(1)), "one day late");
        }
        for (String state : new String[] {"DONE", "CANCELLED"}) {
            assertFalse(task(state).isOverdueAsOf(TODAY.plusDays(1)));
        }
    }
}
