package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.grassroots.assignments.domain.Task;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.security.Scope;

/** Lists of tasks (nhiệm vụ): those of the caller's subtree with filters, and the caller's own for mobile sync. */
@ApplicationScoped
public class TaskQueries {
    private final EntityManager em;
    private final Access access;

    public TaskQueries(EntityManager em, Access access) {
        this.em = em;
        this.access = access;
    }

    /** Tasks whose issuing or assignee organization is in the caller's scope, with filters, by id. */
    @Transactional
    public Page<Results.TaskResult> list(UUID planId, UUID assigneeId, String state, Boolean overdue, String cursor, Integer limit) {
        access.requireReader();
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Scope scope = access.caller().scope();
        Query q = em.createNativeQuery("""
                SELECT t.* FROM task t
                JOIN org_ref io ON io.id = t.issuing_organization_id
                JOIN org_ref ao ON ao.id = t.assignee_organization_id
                WHERE (%s OR %s)
                  AND (cast(:plan AS uuid) IS NULL OR t.plan_id = cast(:plan AS uuid))
                  AND (cast(:assignee AS uuid) IS NULL OR t.assignee_id = cast(:assignee AS uuid))
                  AND (cast(:state AS text) IS NULL OR t.state = cast(:state AS text))
                  AND (cast(:overdue AS boolean) IS NULL OR t.overdue = cast(:overdue AS boolean))
                  AND (cast(:after AS uuid) IS NULL OR t.id > cast(:after AS uuid))
                ORDER BY t.id LIMIT :limit""".formatted(scope.sql("io.path", "s1"), scope.sql("ao.path", "s2")), Task.class)
                .setParameter("plan", planId)
                .setParameter("assignee", assigneeId)
                .setParameter("state", state)
                .setParameter("overdue", overdue)
                .setParameter("after", after == null ? null : Cursor.id(after[0]))
                .setParameter("limit", n + 1);
        scope.bind(q::setParameter, "s1");
        scope.bind(q::setParameter, "s2");
        @SuppressWarnings("unchecked")
        List<Task> rows = q.getResultList();
        return Cursor.page(rows, n, Results.TaskResult::of, t -> Cursor.encode(t.id.toString()));
    }

    /**
     * The caller's own tasks (assignee = the member in the token), oldest change first, for mobile sync:
     * {@code updatedSince} returns only what changed after that instant.
     */
    @Transactional
    public Page<Results.TaskResult> mine(Instant updatedSince, String cursor, Integer limit) {
        UUID self = access.self();
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 2);
        Instant afterAt = after == null ? null : Cursor.instant(after[0]);
        Query q = em.createNativeQuery("""
                SELECT t.* FROM task t
                WHERE t.assignee_type = 'MEMBER' AND t.assignee_id = :self
                  AND (cast(:since AS timestamptz) IS NULL OR t.updated_at > cast(:since AS timestamptz))
                  AND (cast(:afterAt AS timestamptz) IS NULL OR (t.updated_at, t.id) > (cast(:afterAt AS timestamptz), cast(:afterId AS uuid)))
                ORDER BY t.updated_at, t.id LIMIT :limit""", Task.class)
                .setParameter("self", self)
                .setParameter("since", updatedSince)
                .setParameter("afterAt", afterAt)
                .setParameter("afterId", after == null ? null : Cursor.id(after[1]))
                .setParameter("limit", n + 1);
        @SuppressWarnings("unchecked")
        List<Task> rows = q.getResultList();
        return Cursor.page(rows, n, Results.TaskResult::of, t -> Cursor.encode(t.updatedAt.toString(), t.id.toString()));
    }
}
