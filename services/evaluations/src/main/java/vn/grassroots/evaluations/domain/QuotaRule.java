package vn.grassroots.evaluations.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;

/**
 * The percentage rule of a policy's quota: the ratings at a level may be at most {@code maxPercent} % of those rated at
 * the level it is relative to, rounded down to whole ratings.
 */
public final class QuotaRule {
    private QuotaRule() {}

    /** How many ratings at the level are allowed: {@code floor(base × maxPercent / 100)}. */
    public static long allowed(long base, BigDecimal maxPercent) {
        return BigDecimal.valueOf(base).multiply(maxPercent).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValue();
    }

    /**
     * Refuses one more rating at the quota's level when {@code decidedAtLevel} are decided at it already and
     * {@code base} at the level it is relative to; {@code where} names the count's extent (" in X", " in this cycle").
     */
    public static void check(PolicyDocument.Quota quota, long decidedAtLevel, long base, String where) {
        long rated = decidedAtLevel + 1;
        long allowed = allowed(base, quota.maxPercent());
        if (rated > allowed) {
            throw ProblemException.unprocessable("quota-exceeded", "rule " + quota.code() + " (" + quota.source() + "): "
                    + rated + " rated " + quota.level() + where + " would exceed " + quota.maxPercent().stripTrailingZeros().toPlainString()
                    + "% of the " + base + " rated " + quota.relativeTo() + " (at most " + allowed + ") by " + (rated - allowed),
                    new FieldError("level", "quota " + quota.code() + " exceeded by " + (rated - allowed)));
        }
    }
}
