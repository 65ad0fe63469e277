package vn.grassroots.assignments.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.web.QueryParams;

/** Query parameters parsed by hand so that a bad value is a 400 naming the parameter (see QueryParams). */
final class Params {
    private Params() {}

    static YearMonth month(String name, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (RuntimeException e) {
            throw ProblemException.invalid(name, "is not a month such as 2025-03");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (RuntimeException e) {
            throw ProblemException.invalid(name, "is not an instant such as 2025-03-01T00:00:00Z");
        }
    }

    static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (RuntimeException e) {
            throw ProblemException.invalid(name, "is not a date such as 2025-03-01");
        }
    }

    /** One enum constant, or null. */
    static <E extends Enum<E>> E one(String name, Class<E> type, String value) {
        List<E> all = QueryParams.enums(name, type, value == null ? null : List.of(value));
        if (all.size() > 1) {
            throw ProblemException.invalid(name, "takes one value");
        }
        return all.isEmpty() ? null : all.get(0);
    }
}
