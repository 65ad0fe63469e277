package vn.grassroots.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.web.CorrelationId;

/** Every change records who did it, when, and the state before and after (nhật ký thay đổi). */
@ApplicationScoped
public class AuditTrail {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;

    public AuditTrail(EntityManager em, ObjectMapper json, Caller caller) {
        this.em = em;
        this.json = json;
        this.caller = caller;
    }

    /**
     * Records a change in the current transaction. {@code scopePath} is the tree path of the organization
     * the entity belongs to, so auditors of a subtree see exactly its entries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, String scopePath, Object before, Object after) {
        em.createNativeQuery("""
                INSERT INTO audit_entry (actor, action, entity_type, entity_id, scope_path, before_state, after_state, correlation_id)
                VALUES (?1, ?2, ?3, ?4, ?5, cast(?6 AS jsonb), cast(?7 AS jsonb), ?8)""")
                .setParameter(1, Caller.actorOf(caller))
                .setParameter(2, action)
                .setParameter(3, entityType)
                .setParameter(4, entityId.toString())
                .setParameter(5, scopePath)
                .setParameter(6, write(before))
                .setParameter(7, write(after))
                .setParameter(8, CorrelationId.current())
                .executeUpdate();
    }

    /** Entries in the caller's subtree, newest first, optionally for one entity; auditors and admins only. */
    @Transactional
    public Page<Entry> list(String entityId, String cursor, Integer limit) {
        caller.requireRole(Roles.AUDITOR, Roles.ADMIN);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Scope scope = caller.scope();
        Query q = em.createNativeQuery("""
                SELECT id, occurred_at, actor, action, entity_type, entity_id, before_state::text, after_state::text, correlation_id
                FROM audit_entry
                WHERE (cast(:entityId AS text) IS NULL OR entity_id = :entityId)
                  AND %s
                  AND (cast(:after AS bigint) IS NULL OR id < :after)
                ORDER BY id DESC LIMIT :limit""".formatted(scope.sql("scope_path", "scope")))
                .setParameter("entityId", entityId)
                .setParameter("after", after == null ? null : Cursor.number(after[0]))
                .setParameter("limit", n + 1);
        scope.bind(q::setParameter, "scope");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return Cursor.page(rows, n, this::entry, r -> Cursor.encode(r[0].toString()));
    }

    private Entry entry(Object[] r) {
        return new Entry(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], read((String) r[6]), read((String) r[7]), (String) r[8]);
    }

    private static Instant instant(Object v) {
        return v instanceof OffsetDateTime o ? o.toInstant() : v instanceof Instant i ? i : ((java.sql.Timestamp) v).toInstant();
    }

    private JsonNode read(String s) {
        try {
            return s == null ? null : json.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Schema(name = "AuditEntry", description = "One recorded change (một mục nhật ký thay đổi)")
    public record Entry(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
            JsonNode before, JsonNode after, String correlationId) {}
}
