package vn.grassroots.assignments.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;

/** The keyset page the lists of this service share: rows whose organization (alias o) lies in the caller's scope. */
final class ScopedLists {
    private ScopedLists() {
    }

    /** n + 1 rows of {@code sql} (its %s: the scope, then the subtree or TRUE), paged by :after and :limit. */
    static <E> List<E> rows(EntityManager em, Access access, UUID organizationId, String sql, Class<E> type,
            Map<String, Object> params, String[] after, int n) {
        Scope scope = access.caller().scope();
        String subtree = organizationId == null ? null : access.organizationInScope(organizationId, "organizationId").path;
        Query q = em.createNativeQuery(sql.formatted(scope.sql("o.path", "scope"),
                subtree == null ? "TRUE" : Subtree.condition("o.path", "sub")), type);
        params.forEach(q::setParameter);
        q.setParameter("after", after == null ? null : Cursor.id(after[0])).setParameter("limit", n + 1);
        scope.bind(q::setParameter, "scope");
        if (subtree != null) {
            Subtree.bind(q::setParameter, "sub", subtree);
        }
        @SuppressWarnings("unchecked")
        List<E> rows = q.getResultList();
        return rows;
    }
}
