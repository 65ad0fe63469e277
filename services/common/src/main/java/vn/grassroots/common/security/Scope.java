package vn.grassroots.common.security;

import java.util.function.BiConsumer;

/**
 * The subtree a caller may act in, as a materialized-path prefix ("/root-id/…/org-id/").
 * {@code prefix == null} means the whole tree. In SQL it is one indexed range (see {@link Subtree}).
 */
public record Scope(String prefix) {
    public static final Scope ALL = new Scope(null);

    public boolean isAll() {
        return prefix == null;
    }

    public boolean contains(String path) {
        return prefix == null || (path != null && path.startsWith(prefix));
    }

    /** The SQL condition limiting {@code column} to this scope ("TRUE" for the whole tree). */
    public String sql(String column, String param) {
        return prefix == null ? "TRUE" : Subtree.condition(column, param);
    }

    /** Binds the parameters of {@link #sql}. */
    public void bind(BiConsumer<String, Object> setter, String param) {
        if (prefix != null) {
            Subtree.bind(setter, param, prefix);
        }
    }
}
