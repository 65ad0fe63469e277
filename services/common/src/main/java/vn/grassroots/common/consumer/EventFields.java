package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Lenient readers of the fields of another service's event: a missing or malformed value reads as null (or -1 for a
 * version), never as an exception, so that a consumer says why a record is refused instead of failing on it.
 */
public final class EventFields {
    private EventFields() {}

    public static UUID uuid(JsonNode n) {
        String s = text(n);
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static LocalDate date(JsonNode n) {
        String s = text(n);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The text of a value that is present, not null and not blank; else null. */
    public static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        String s = n.asText("");
        return s.isBlank() ? null : s;
    }

    /** A version is a whole number of zero or more; -1 when it is missing or anything else. */
    public static long version(JsonNode n) {
        return n != null && n.canConvertToLong() && n.asLong() >= 0 ? n.asLong() : -1;
    }
}
