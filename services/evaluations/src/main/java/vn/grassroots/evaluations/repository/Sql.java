package vn.grassroots.evaluations.service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Conversions of native query columns. */
final class Sql {
    private Sql() {}

    static Instant instant(Object v) {
        return v == null ? null : v instanceof OffsetDateTime o ? o.toInstant() : v instanceof Instant i ? i : ((Timestamp) v).toInstant();
    }

    static LocalDate date(Object v) {
        return v == null ? null : v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
    }

    static long number(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** A decimal without trailing zeros ("85", "85.5"), never in exponent notation. */
    static BigDecimal decimal(Object v) {
        if (v == null) {
            return null;
        }
        BigDecimal b = (v instanceof BigDecimal d ? d : new BigDecimal(v.toString())).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
