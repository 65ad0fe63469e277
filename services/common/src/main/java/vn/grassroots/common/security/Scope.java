package vn.grassroots.common.security;

/**
 * The subtree a caller may act in, as a materialized-path prefix ("/root-id/…/org-id/").
 * {@code prefix == null} means the whole tree. In SQL the check is always {@code path LIKE prefix || '%'}.
 */
public record Scope(String prefix) {
    public static final Scope ALL = new Scope(null);

    public boolean isAll() {
        return prefix == null;
    }

    public boolean contains(String path) {
        return prefix == null || (path != null && path.startsWith(prefix));
    }

    /** The LIKE pattern for SQL; "%" for the whole tree. Paths hold only ids and '/', nothing to escape. */
    public String likePattern() {
        return prefix == null ? "%" : prefix + "%";
    }
}
