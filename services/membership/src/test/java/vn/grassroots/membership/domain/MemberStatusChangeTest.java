package vn.grassroots.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

/** The rules of a member's status changes and probation, without PostgreSQL or Kafka. */
class MemberStatusChangeTest {
    static final LocalDate ADMITTED = LocalDate.of(2024, 3, 15);
    static final LocalDate PROBATION_ENDS = LocalDate.of(2025, 3, 15);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static Member member(MemberStatus status, LocalDate since) {
        Member m = new Member();
        m.admissionDate = ADMITTED;
        m.status = status;
        m.statusSince = since;
        if (status != MemberStatus.PROBATIONARY) {
            m.officialDate = PROBATION_ENDS;
        }
        return m;
    }

    static Member member(MemberStatus status) {
        return member(status, status == MemberStatus.PROBATIONARY ? ADMITTED : PROBATION_ENDS);
    }

    static final LocalDate BORN = LocalDate.of(1990, 5, 2);

    static ProblemException refusedRegistration(MemberStatus status, LocalDate admitted, LocalDate official) {
        return assertThrows(ProblemException.class, () -> Member.checkRegistration(status, BORN, admitted, official));
    }

    @Test
    void aMemberIsRegisteredProbationaryOfficialOrExemptWithTheDatesThatStatusHas() {
        Member.checkRegistration(MemberStatus.PROBATIONARY, BORN, ADMITTED, null);
        Member.checkRegistration(MemberStatus.OFFICIAL, BORN, ADMITTED, PROBATION_ENDS);
        Member.checkRegistration(MemberStatus.EXEMPT, BORN, ADMITTED, PROBATION_ENDS.plusYears(3));

        ProblemException removed = refusedRegistration(MemberStatus.REMOVED, ADMITTED, PROBATION_ENDS);
        assertEquals("invalid-initial-status", removed.slug());
        assertEquals(422, removed.status());
        assertEquals("status", removed.errors().get(0).field());
        assertEquals("probationary-with-official-date", refusedRegistration(MemberStatus.PROBATIONARY, ADMITTED, PROBATION_ENDS).slug());
        ProblemException noDate = refusedRegistration(MemberStatus.OFFICIAL, ADMITTED, null);
        assertEquals(400, noDate.status());
        assertEquals("officialDate", noDate.errors().get(0).field());
    }

    @Test
    void officialMembershipFollowsTwelveMonthsOfProbationAndAdmissionFollowsBirth() {
        ProblemException early = refusedRegistration(MemberStatus.OFFICIAL, ADMITTED, PROBATION_ENDS.minusDays(1));
        assertEquals("probation-too-short", early.slug());
        assertEquals("officialDate", early.errors().get(0).field());
        ProblemException unborn = assertThrows(ProblemException.class,
                () -> Member.checkRegistration(MemberStatus.PROBATIONARY, ADMITTED, ADMITTED, null));
        assertEquals("admission-before-birth", unborn.slug());
        assertEquals("admissionDate", unborn.errors().get(0).field());
    }

    @Test
    void probationEndsTwelveMonthsAfterAdmission() {
        assertEquals(PROBATION_ENDS, member(MemberStatus.PROBATIONARY).probationEndsOn());
        Member leap = member(MemberStatus.PROBATIONARY);
        leap.admissionDate = LocalDate.of(2024, 2, 29);
        assertEquals(LocalDate.of(2025, 2, 28), leap.probationEndsOn());
    }

    @Test
    void allowedChanges() {
        assertEquals(EnumSet.of(MemberStatus.OFFICIAL, MemberStatus.REMOVED, MemberStatus.EXPELLED, MemberStatus.DECEASED,
                MemberStatus.TRANSFERRED_OUT), MemberStatus.PROBATIONARY.next());
        assertEquals(EnumSet.of(MemberStatus.EXEMPT, MemberStatus.REMOVED, MemberStatus.EXPELLED, MemberStatus.DECEASED,
                MemberStatus.TRANSFERRED_OUT), MemberStatus.OFFICIAL.next());
        assertEquals(EnumSet.of(MemberStatus.OFFICIAL, MemberStatus.REMOVED, MemberStatus.EXPELLED, MemberStatus.DECEASED,
                MemberStatus.TRANSFERRED_OUT), MemberStatus.EXEMPT.next());
        for (MemberStatus s : List.of(MemberStatus.TRANSFERRED_OUT, MemberStatus.REMOVED, MemberStatus.EXPELLED, MemberStatus.DECEASED)) {
            assertTrue(s.next().isEmpty(), s + " is final");
        }
    }

    @Test
    void everyAllowedChangeIsAppliedFromItsDecision() {
        LocalDate decided = LocalDate.of(2025, 6, 1);
        for (MemberStatus from : MemberStatus.values()) {
            for (MemberStatus to : from.next()) {
                Member m = member(from);
                m.checkStatusChange(to, decided, TODAY);
                boolean recognition = m.applyStatusChange(to, decided);
                assertEquals(to, m.status);
                assertEquals(from == MemberStatus.PROBATIONARY && to == MemberStatus.OFFICIAL, recognition, from + " -> " + to);
                if (recognition) {
                    // official membership counts from the end of probation, not from the decision
                    assertEquals(PROBATION_ENDS, m.officialDate);
                    assertEquals(PROBATION_ENDS, m.statusSince);
                } else {
                    assertEquals(decided, m.statusSince, from + " -> " + to);
                    assertEquals(from == MemberStatus.PROBATIONARY ? null : PROBATION_ENDS, m.officialDate);
                }
            }
        }
    }

    @Test
    void everyOtherChangeIsRefused() {
        for (MemberStatus from : MemberStatus.values()) {
            Set<MemberStatus> allowed = from.next();
            for (MemberStatus to : MemberStatus.values()) {
                if (allowed.contains(to)) {
                    continue;
                }
                Member m = member(from);
                ProblemException e = assertThrows(ProblemException.class, () -> m.checkStatusChange(to, TODAY, TODAY));
                assertEquals(409, e.status());
                assertEquals("invalid-status-change", e.slug());
                assertEquals("a " + from + " member cannot become " + to
                        + (allowed.isEmpty() ? "; " + from + " is final" : "; allowed: " + allowed), e.getMessage());
                assertEquals(from, m.status, "unchanged");
            }
        }
        ProblemException e = assertThrows(ProblemException.class,
                () -> member(MemberStatus.DECEASED).checkStatusChange(MemberStatus.OFFICIAL, TODAY, TODAY));
        assertEquals("a DECEASED member cannot become OFFICIAL; DECEASED is final", e.getMessage());
        e = assertThrows(ProblemException.class,
                () -> member(MemberStatus.PROBATIONARY).checkStatusChange(MemberStatus.EXEMPT, TODAY, TODAY));
        assertEquals("a PROBATIONARY member cannot become EXEMPT; allowed: [OFFICIAL, TRANSFERRED_OUT, REMOVED, EXPELLED, DECEASED]",
                e.getMessage());
    }

    @Test
    void decisionInTheFutureIsRefused() {
        member(MemberStatus.OFFICIAL).checkStatusChange(MemberStatus.EXEMPT, TODAY, TODAY);
        ProblemException e = assertThrows(ProblemException.class,
                () -> member(MemberStatus.OFFICIAL).checkStatusChange(MemberStatus.EXEMPT, TODAY.plusDays(1), TODAY));
        assertEquals(400, e.status());
        assertEquals("validation", e.slug());
        assertEquals("decision.date: must not be in the future", e.getMessage());
        assertEquals(List.of(new FieldError("decision.date", "must not be in the future")), e.errors());
    }

    @Test
    void decisionBeforeTheCurrentStatusIsRefused() {
        LocalDate since = LocalDate.of(2025, 9, 1);
        member(MemberStatus.OFFICIAL, since).checkStatusChange(MemberStatus.REMOVED, since, TODAY);
        ProblemException e = assertThrows(ProblemException.class,
                () -> member(MemberStatus.OFFICIAL, since).checkStatusChange(MemberStatus.REMOVED, since.minusDays(1), TODAY));
        assertEquals(422, e.status());
        assertEquals("decision-before-status", e.slug());
        assertEquals("the decision predates the current status (since 2025-09-01)", e.getMessage());
        assertEquals(List.of(new FieldError("decision.date", "must not be before 2025-09-01")), e.errors());
    }

    @Test
    void recognitionOnTheDayProbationEndsAndNotTheDayBefore() {
        Member m = member(MemberStatus.PROBATIONARY);
        ProblemException e = assertThrows(ProblemException.class,
                () -> m.checkStatusChange(MemberStatus.OFFICIAL, PROBATION_ENDS.minusDays(1), TODAY));
        assertEquals(409, e.status());
        assertEquals("probation-not-over", e.slug());
        assertEquals("probation lasts 12 months from admission (2024-03-15): official recognition is possible from 2025-03-15",
                e.getMessage());
        assertEquals(MemberStatus.PROBATIONARY, m.status);
        assertNull(m.officialDate);

        m.checkStatusChange(MemberStatus.OFFICIAL, PROBATION_ENDS, TODAY);
        assertTrue(m.applyStatusChange(MemberStatus.OFFICIAL, PROBATION_ENDS));
        assertEquals(PROBATION_ENDS, m.officialDate);

        Member late = member(MemberStatus.PROBATIONARY);
        late.checkStatusChange(MemberStatus.OFFICIAL, PROBATION_ENDS.plusDays(30), TODAY);
        assertTrue(late.applyStatusChange(MemberStatus.OFFICIAL, PROBATION_ENDS.plusDays(30)));
        assertEquals(PROBATION_ENDS, late.statusSince, "counts from the end of probation, not the late decision");
    }

    @Test
    void probationDoesNotHoldBackOtherChangesOfAProbationaryMember() {
        for (MemberStatus to : List.of(MemberStatus.REMOVED, MemberStatus.EXPELLED, MemberStatus.DECEASED, MemberStatus.TRANSFERRED_OUT)) {
            Member m = member(MemberStatus.PROBATIONARY);
            m.checkStatusChange(to, ADMITTED.plusDays(1), TODAY);
            assertFalse(m.applyStatusChange(to, ADMITTED.plusDays(1)));
            assertEquals(ADMITTED.plusDays(1), m.statusSince);
        }
    }

    @Test
    void exemptBackToOfficialKeepsTheOfficialDate() {
        Member m = member(MemberStatus.EXEMPT, LocalDate.of(2025, 6, 1));
        LocalDate decided = LocalDate.of(2026, 1, 10);
        m.checkStatusChange(MemberStatus.OFFICIAL, decided, TODAY);
        assertFalse(m.applyStatusChange(MemberStatus.OFFICIAL, decided));
        assertEquals(PROBATION_ENDS, m.officialDate);
        assertEquals(decided, m.statusSince);
    }
}
