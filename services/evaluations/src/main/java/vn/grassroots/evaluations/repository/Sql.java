package vn.grassroots.evaluations.repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Conversions of native query columns. */
public final class Sql {
    private Sql() {}

    public static Instant instant(Object v) {
        return v == null ? null : v instanceof OffsetDateTime o ? o.toInstant() : v instanceof Instant i ? i : ((Timestamp) v).toInstant();
    }

    public static LocalDate date(Object v) {
        return v == null ? null : v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
    }

    public static long number(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** A decimal without trailing zeros ("85", "85.5"), never in exponent notation. */
    public static BigDecimal decimal(Object v) {
        if (v == null) {
            return null;
        }
        BigDecimal b = (v instanceof BigDecimal d ? d : new BigDecimal(v.toString())).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
