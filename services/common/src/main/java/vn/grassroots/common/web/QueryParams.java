package vn.grassroots.common.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.problem.ProblemException;

/**
 * Query parameters parsed by hand, because JAX-RS answers 404 for an unconvertible query parameter
 * where a client deserves a 400 naming the parameter.
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
}
