package vn.grassroots.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.problem.Problem;
import vn.grassroots.common.problem.ProblemException;

/** Every parser: absent is null (or the fallback), a good value parses, a bad one is a 400 naming the parameter. */
class QueryParamsTest {
    enum Kind { MONTHLY, THEMATIC }

    @Test
    void absentOrBlankIsNullOrTheFallback() {
        assertNull(QueryParams.uuid("id", null));
        assertNull(QueryParams.date("from", " "));
        assertNull(QueryParams.instant("since", ""));
        assertNull(QueryParams.year("year", null, 1930, false));
        assertNull(QueryParams.one("kind", Kind.class, null));
        assertEquals(true, QueryParams.bool("all", null, true));
        assertEquals(YearMonth.of(2026, 11), QueryParams.month("month", null, YearMonth.of(2026, 11)));
        assertEquals(List.of(), QueryParams.enums("kind", Kind.class, null));
    }

    @Test
    void goodValuesParseTrimmed() {
        UUID id = UUID.randomUUID();
        assertEquals(id, QueryParams.uuid("id", " " + id + " "));
        assertEquals(false, QueryParams.bool("all", "FALSE", true));
        assertEquals(LocalDate.of(2025, 3, 1), QueryParams.date("from", "2025-03-01 "));
        assertEquals(YearMonth.of(2025, 3), QueryParams.month("month", "2025-03", null));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), QueryParams.instant("since", "2026-11-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-10-31T17:00:00Z"), QueryParams.instant("since", "2026-11-01T00:00:00+07:00"));
        assertEquals(1930, QueryParams.year("year", "1930", 1930, false));
        assertEquals(Kind.THEMATIC, QueryParams.one("kind", Kind.class, "thematic"));
        assertEquals(List.of(Kind.MONTHLY, Kind.THEMATIC), QueryParams.enums("kind", Kind.class, List.of("MONTHLY,", "thematic")));
    }

    @Test
    void badValuesAreA400NamingTheParameter() {
        refused("id", "is not a UUID", () -> QueryParams.uuid("id", "42"));
        refused("all", "must be true or false", () -> QueryParams.bool("all", "yes", null));
        refused("from", "is not a date such as 2025-03-01", () -> QueryParams.date("from", "01/03/2025"));
        refused("month", "is not a month such as 2025-03", () -> QueryParams.month("month", "2025-13", null));
        refused("since", "is not an instant such as 2026-11-01T00:00:00Z", () -> QueryParams.instant("since", "2026-11-01"));
        refused("year", "must be a year such as 2025", () -> QueryParams.year("year", "MMXXV", 1930, false));
        refused("year", "must be a year between 1950 and 2200", () -> QueryParams.year("year", "1949", 1950, false));
        refused("year", "must be a year between 1930 and 2200", () -> QueryParams.year("year", "2201", 1930, false));
        refused("year", "is required", () -> QueryParams.year("year", " ", 1950, true));
        refused("kind", "takes one value", () -> QueryParams.one("kind", Kind.class, "MONTHLY,THEMATIC"));
        refused("kind", "must be one of [MONTHLY, THEMATIC]", () -> QueryParams.enums("kind", Kind.class, List.of("WEEKLY")));
    }

    private static void refused(String name, String message, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(400, e.status());
        assertEquals(List.of(new Problem.FieldError(name, message)), e.errors());
    }
}
