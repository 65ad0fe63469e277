package vn.grassroots.common.security;

import java.util.function.BiConsumer;

/**
 * "Inside the subtree at this path" in SQL. Paths hold ids and '/' only and are C-collated, so the
 * subtree at "/a/b/" is exactly the range ["/a/b/", "/a/b0"): a range on an indexed column keeps using
 * the index under prepared statements' generic plans, where {@code LIKE :param} would not.
 */
public final class Subtree {
    private Subtree() {}

    /** The condition on {@code column}, with parameters {@code :<param>From} and {@code :<param>To}. */
    public static String condition(String column, String param) {
        return "(" + column + " >= :" + param + "From AND " + column + " < :" + param + "To)";
    }

    /** Binds the parameters of {@link #condition} for the subtree at {@code prefix} (ends with '/'). */
    public static void bind(BiConsumer<String, Object> setter, String param, String prefix) {
        if (prefix == null || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a tree path ends with '/': " + prefix);
        }
        setter.accept(param + "From", prefix);
        setter.accept(param + "To", prefix.substring(0, prefix.length() - 1) + "0"); // '0' follows '/'
    }
}
