package vn.grassroots.common.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.web.RequestPath;

/**
 * Keyset pagination: a cursor is the sort key of the last row returned, opaque to clients, so a page
 * costs one indexed range scan at any depth of the list.
 */
public final class Cursor {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String SEP = "\u001f";

    private Cursor() {}

    /** The cursor of a row of the list being answered: its sort keys and a mark of the list (its path). */
    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listMark() + SEP + String.join(SEP, keys)).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor names the list that issued it, so that one list refuses another's cursor instead of misreading it. */
    private static String listMark() {
        String path = RequestPath.current();
        return path == null ? "" : Integer.toHexString(path.hashCode());
    }

    /** The sort keys in a cursor, or null when there is no cursor; 400 for a cursor we did not issue. */
    public static String[] decode(String cursor, int keys) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEP, -1);
            if (parts.length == keys + 1 && parts[0].equals(listMark())) {
                return Arrays.copyOfRange(parts, 1, parts.length);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
    }

    /**
     * The JPQL condition of a keyset page after {@code (:keyParam, :idParam)} in {@code (key, id)} order, for a JPQL
     * that cannot compare rows: its first part alone starts the index walk at the cursor (without it PostgreSQL walked
     * the index from the start and filtered, page after page), the rest is the exact keyset.
     */
    public static String after(String key, String id, String keyParam, String idParam) {
        return "%1$s >= :%3$s and (%1$s > :%3$s or (%1$s = :%3$s and %2$s > :%4$s))".formatted(key, id, keyParam, idParam);
    }

    /** A numeric sort key of a cursor; 400 when it is not one. */
    public static long number(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    /** An id sort key of a cursor; 400 when it is not one. */
    public static UUID id(String key) {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    /** A time sort key of a cursor; 400 when it is not one. */
    public static Instant instant(String key) {
        try {
            return Instant.parse(key);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    /** The limit asked for, bounded; 400 outside 1..MAX_LIMIT. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /** Builds a page from rows fetched with limit + 1: the extra row only says that more exist. */
    public static <R, T> Page<T> page(List<R> rows, int limit, Function<R, T> view, Function<R, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
