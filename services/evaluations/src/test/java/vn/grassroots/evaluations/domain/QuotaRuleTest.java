package vn.grassroots.evaluations.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

/** The quota's percentage rule and its rounding, on plain numbers. */
class QuotaRuleTest {
    private static PolicyDocument.Quota quota(String percent) {
        return new PolicyDocument.Quota("Q1", SubjectType.MEMBER, "EXCELLENT", "GOOD", new BigDecimal(percent), "ORGANIZATION",
                "at most 20 % excellent of the good", "Rule 1");
    }

    @Test
    void theAllowedNumberIsRoundedDown() {
        assertEquals(2, QuotaRule.allowed(10, new BigDecimal("20")));
        assertEquals(1, QuotaRule.allowed(9, new BigDecimal("20")));   // 1.8
        assertEquals(0, QuotaRule.allowed(4, new BigDecimal("20")));   // 0.8
        assertEquals(0, QuotaRule.allowed(0, new BigDecimal("20")));
        assertEquals(3, QuotaRule.allowed(7, new BigDecimal("50.0"))); // 3.5
        assertEquals(7, QuotaRule.allowed(7, new BigDecimal("100")));
        assertEquals(0, QuotaRule.allowed(7, BigDecimal.ZERO));
    }

    @Test
    void exactlyAtTheMaximumPasses() {
        // 10 good at 20 % allow 2: the second is still allowed
        assertDoesNotThrow(() -> QuotaRule.check(quota("20"), 1, 10, " in Cell B"));
        assertDoesNotThrow(() -> QuotaRule.check(quota("20"), 0, 10, " in Cell B"));
    }

    @Test
    void oneOverIsRefusedNamingTheRuleAndTheExcess() {
        ProblemException e = assertThrows(ProblemException.class, () -> QuotaRule.check(quota("20"), 2, 10, " in Cell B"));
        assertEquals(422, e.status());
        assertEquals("quota-exceeded", e.slug());
        assertEquals("rule Q1 (Rule 1): 3 rated EXCELLENT in Cell B would exceed 20% of the 10 rated GOOD (at most 2) by 1",
                e.getMessage());
        assertEquals(List.of(new FieldError("level", "quota Q1 exceeded by 1")), e.errors());
    }

    @Test
    void roundingDownRefusesWhatAFractionWouldAllow() {
        // 9 good at 20 % is 1.8, so 1 allowed: the first passes, the second is refused
        assertDoesNotThrow(() -> QuotaRule.check(quota("20"), 0, 9, " in this cycle"));
        ProblemException e = assertThrows(ProblemException.class, () -> QuotaRule.check(quota("20.00"), 1, 9, " in this cycle"));
        assertEquals("rule Q1 (Rule 1): 2 rated EXCELLENT in this cycle would exceed 20% of the 9 rated GOOD (at most 1) by 1",
                e.getMessage());
        // 4 good at 20 % is 0.8: none allowed, the first is refused
        ProblemException none = assertThrows(ProblemException.class, () -> QuotaRule.check(quota("20"), 0, 4, " in this cycle"));
        assertEquals(List.of(new FieldError("level", "quota Q1 exceeded by 1")), none.errors());
    }
}
