package vn.grassroots.common.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.problem.ProblemException;

/**
 * Query parameters parsed by hand, because JAX-RS answers 404 for an unconvertible query parameter
 * where a client deserves a 400 naming the parameter. Every parser returns null (or the fallback) when the value is
 * absent or blank.
 */
public final class QueryParams {
    private QueryParams() {}

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "is not a UUID");
        }
    }

    /** {@code true} or {@code false}; {@code otherwise} when absent. */
    public static Boolean bool(String name, String value, Boolean otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    /** Repeated or comma-separated enum constants: {@code ?type=A&type=B} or {@code ?type=A,B}. */
    public static <E extends Enum<E>> List<E> enums(String name, Class<E> type, List<String> values) {
        List<E> result = new ArrayList<>();
        if (values == null) {
            return result;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    result.add(Enum.valueOf(type, part.trim().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return result;
    }

    /** One enum constant, or null; a list of several is refused. */
    public static <E extends Enum<E>> E one(String name, Class<E> type, String value) {
        List<E> all = enums(name, type, value == null ? null : List.of(value));
        if (all.size() > 1) {
            throw ProblemException.invalid(name, "takes one value");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    public static LocalDate date(String name, String value) {
        return parse(name, value, LocalDate::parse, "is not a date such as 2025-03-01");
    }

    public static YearMonth month(String name, String value, YearMonth fallback) {
        YearMonth m = parse(name, value, YearMonth::parse, "is not a month such as 2025-03");
        return m == null ? fallback : m;
    }

    /** An ISO 8601 instant, with Z or an offset. */
    public static Instant instant(String name, String value) {
        return parse(name, value, v -> OffsetDateTime.parse(v).toInstant(), "is not an instant such as 2026-11-01T00:00:00Z");
    }

    /** A year from {@code min} to 2200; absent is refused when {@code required}. */
    public static Integer year(String name, String value, int min, boolean required) {
        if (required && (value == null || value.isBlank())) {
            throw ProblemException.invalid(name, "is required");
        }
        Integer y = parse(name, value, Integer::valueOf, "must be a year such as 2025");
        if (y != null && (y < min || y > 2200)) {
            throw ProblemException.invalid(name, "must be a year between " + min + " and 2200");
        }
        return y;
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser, String problem) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw ProblemException.invalid(name, problem);
        }
    }
}
