package vn.grassroots.assignments.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.grassroots.assignments.domain.Enums.Role;
import vn.grassroots.assignments.domain.Enums.TargetType;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

/** An assignment's validity and its end, without PostgreSQL, Kafka or Quarkus (issue 17). */
class AssignmentRulesTest {
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final Instant AT = Instant.parse("2026-05-15T03:00:00Z");

    static ProblemException refused(int status, String slug, String detail, Executable check) {
        ProblemException e = assertThrows(ProblemException.class, check);
        assertEquals(status, e.status());
        assertEquals(slug, e.slug());
        assertEquals(detail, e.getMessage());
        return e;
    }

    @Test
    void attendingMeetingsOnlyInACell() {
        assertDoesNotThrow(() -> Assignment.requireRoleFitsTarget(Role.ATTENDS_MEETINGS, TargetType.ORGANIZATION, true));
        ProblemException e = refused(422, "invalid-role", "monthly meetings are attended in a cell (chi bộ)",
                () -> Assignment.requireRoleFitsTarget(Role.ATTENDS_MEETINGS, TargetType.ORGANIZATION, false));
        assertEquals(List.of(new FieldError("role", "ATTENDS_MEETINGS needs a cell target")), e.errors());
        e = refused(422, "invalid-role", "a household has no meetings to attend",
                () -> Assignment.requireRoleFitsTarget(Role.ATTENDS_MEETINGS, TargetType.HOUSEHOLD, true));
        assertEquals(List.of(new FieldError("role", "ATTENDS_MEETINGS needs an organization target")), e.errors());
        refused(422, "invalid-role", "a household has no meetings to attend",
                () -> Assignment.requireRoleFitsTarget(Role.ATTENDS_MEETINGS, TargetType.HOUSEHOLD, false));
    }

    @Test
    void otherRolesFitAnyTarget() {
        for (Role role : new Role[] {Role.FOLLOWS, Role.IN_CHARGE}) {
            for (TargetType type : TargetType.values()) {
                assertDoesNotThrow(() -> Assignment.requireRoleFitsTarget(role, type, false));
                assertDoesNotThrow(() -> Assignment.requireRoleFitsTarget(role, type, true));
            }
        }
    }

    @Test
    void validToNotBeforeValidFrom() {
        assertDoesNotThrow(() -> Assignment.requireValidPeriod(FROM, null));
        assertDoesNotThrow(() -> Assignment.requireValidPeriod(FROM, FROM));
        assertDoesNotThrow(() -> Assignment.requireValidPeriod(FROM, FROM.plusDays(1)));
        ProblemException e = refused(400, "validation", "validTo: must not be before validFrom",
                () -> Assignment.requireValidPeriod(FROM, FROM.minusDays(1)));
        assertEquals(List.of(new FieldError("validTo", "must not be before validFrom")), e.errors());
    }

    static Assignment active() {
        Assignment a = new Assignment();
        a.status = "ACTIVE";
        a.validFrom = FROM;
        a.version = 2;
        return a;
    }

    @Test
    void endingAnActiveAssignment() {
        Assignment a = active();
        a.end("moved", FROM, FROM.plusDays(30), AT);
        assertEquals("ENDED", a.status);
        assertEquals("moved", a.endReason);
        assertEquals(FROM, a.endedOn);
        assertEquals(AT, a.updatedAt);
        assertEquals(3, a.version);

        Assignment today = active();
        today.end(null, null, FROM.plusDays(30), AT);
        assertEquals(FROM.plusDays(30), today.endedOn);
    }

    @Test
    void endingBeforeValidFromOrTwiceIsRefused() {
        Assignment early = active();
        refused(400, "validation", "endedOn: must not be before validFrom", () -> early.end("x", FROM.minusDays(1), FROM, AT));
        assertEquals("ACTIVE", early.status);
        assertEquals(2, early.version);

        Assignment ended = active();
        ended.status = "ENDED";
        refused(409, "assignment-ended", "the assignment has already ended", () -> ended.end("x", FROM, FROM, AT));
        assertNull(ended.endedOn);
        assertEquals(2, ended.version);
    }
}
