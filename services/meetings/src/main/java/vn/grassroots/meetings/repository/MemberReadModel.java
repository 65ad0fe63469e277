package vn.grassroots.meetings.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.consumer.MemberState;

/**
 * The read model of members (member_ref, member_host) kept from the membership topics: where each member is active
 * and the host cells of an active temporary transfer. The roster of an organization is computed from it in SQL.
 */
@ApplicationScoped
public class MemberReadModel {
    /** Statuses of a member who is active in their organization (exempt members are on the roster but not summoned for quorum). */
    public static final List<String> ACTIVE = List.of("PROBATIONARY", "OFFICIAL", "EXEMPT");

    private final EntityManager em;

    public MemberReadModel(EntityManager em) {
        this.em = em;
    }

    /** Stores a member and their host cells unless a newer version is stored; true when written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(MemberState m) {
        boolean written = em.createNativeQuery("""
                INSERT INTO member_ref (id, full_name, organization_id, status, version, applied_at)
                VALUES (:id, :name, :org, :status, :version, now())
                ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, organization_id = EXCLUDED.organization_id,
                    status = EXCLUDED.status, version = EXCLUDED.version, applied_at = now()
                WHERE member_ref.version <= EXCLUDED.version""")
                .setParameter("id", m.id()).setParameter("name", m.fullName()).setParameter("org", m.organizationId())
                .setParameter("status", m.status()).setParameter("version", m.version())
                .executeUpdate() == 1;
        if (written) {
            em.createNativeQuery("DELETE FROM member_host WHERE member_id = :id").setParameter("id", m.id()).executeUpdate();
            for (MemberState.TemporaryHost h : m.temporaryHosts()) {
                em.createNativeQuery("""
                        INSERT INTO member_host (member_id, organization_id, until) VALUES (:id, :org, :until)
                        ON CONFLICT DO NOTHING""")
                        .setParameter("id", m.id()).setParameter("org", h.organizationId()).setParameter("until", h.until())
                        .executeUpdate();
            }
        }
        return written;
    }

    /**
     * Stores many members in three statements (a batch of the members topics, e.g. while catching up from the beginning
     * of a topic holding hundreds of thousands of records): a version-guarded multi-row upsert, then the host cells of
     * the rows it wrote. Within the batch only the highest version of a member is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public int upsertAll(Map<UUID, MemberState> rows, com.fasterxml.jackson.databind.ObjectMapper json) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> batch = new ArrayList<>();
        rows.values().forEach(m -> batch.add(Map.of("id", m.id(), "full_name", m.fullName(), "organization_id", m.organizationId(),
                "status", m.status(), "version", m.version())));
        List<UUID> written = em.createNativeQuery("""
                INSERT INTO member_ref (id, full_name, organization_id, status, version, applied_at)
                SELECT x.id, x.full_name, x.organization_id, x.status, x.version, now()
                FROM jsonb_to_recordset(cast(:batch AS jsonb)) AS x(id uuid, full_name text, organization_id uuid, status text, version bigint)
                ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, organization_id = EXCLUDED.organization_id,
                    status = EXCLUDED.status, version = EXCLUDED.version, applied_at = now()
                WHERE member_ref.version <= EXCLUDED.version
                RETURNING id""").setParameter("batch", write(json, batch)).getResultList();
        if (written.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("DELETE FROM member_host WHERE member_id = ANY(cast(:ids AS uuid[]))")
                .setParameter("ids", written.toArray(new UUID[0])).executeUpdate();
        List<Map<String, Object>> hostRows = new ArrayList<>();
        for (UUID id : written) {
            for (MemberState.TemporaryHost h : rows.get(id).temporaryHosts()) {
                Map<String, Object> r = new HashMap<>();
                r.put("member_id", id);
                r.put("organization_id", h.organizationId());
                r.put("until", h.until() == null ? null : h.until().toString());
                hostRows.add(r);
            }
        }
        if (!hostRows.isEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO member_host (member_id, organization_id, until)
                    SELECT x.member_id, x.organization_id, x.until
                    FROM jsonb_to_recordset(cast(:batch AS jsonb)) AS x(member_id uuid, organization_id uuid, until date)
                    ON CONFLICT DO NOTHING""").setParameter("batch", write(json, hostRows)).executeUpdate();
        }
        return written.size();
    }

    private static String write(com.fasterxml.jackson.databind.ObjectMapper json, Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One member of the roster: official counts for quorum; temporary = active here through a temporary transfer. */
    public record RosterEntry(UUID memberId, String fullName, String status, boolean temporary) {
        public boolean official() {
            return "OFFICIAL".equals(status);
        }
    }

    /**
     * The members active in an organization on a date: those whose organization it is, and those hosted there by a
     * temporary transfer still running on that date. The read model holds current state, so "on a date" means the
     * current roster for the transfer's end date; membership history before now is not kept here.
     */
    @SuppressWarnings("unchecked")
    public List<RosterEntry> roster(UUID organizationId, LocalDate on) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.id, m.full_name, m.status, false FROM member_ref m
                WHERE m.organization_id = :org AND m.status IN (:active)
                UNION ALL
                SELECT m.id, m.full_name, m.status, true FROM member_host h JOIN member_ref m ON m.id = h.member_id
                WHERE h.organization_id = :org AND (h.until IS NULL OR h.until >= :on) AND m.status IN (:active)
                  AND m.organization_id <> :org
                ORDER BY 2, 1""")
                .setParameter("org", organizationId).setParameter("on", on).setParameter("active", ACTIVE)
                .getResultList();
        return rows.stream().map(r -> new RosterEntry((UUID) r[0], (String) r[1], (String) r[2], (Boolean) r[3])).toList();
    }

    /** True when the member is active in the organization today (own cell or a running temporary transfer). */
    public boolean activeIn(UUID memberId, UUID organizationId, LocalDate today) {
        return !em.createNativeQuery("""
                SELECT 1 FROM member_ref m WHERE m.id = :id AND m.status IN (:active) AND (m.organization_id = :org
                  OR EXISTS (SELECT 1 FROM member_host h WHERE h.member_id = m.id AND h.organization_id = :org
                             AND (h.until IS NULL OR h.until >= :today)))""")
                .setParameter("id", memberId).setParameter("org", organizationId).setParameter("today", today)
                .setParameter("active", ACTIVE).getResultList().isEmpty();
    }

    /** The organizations where a member is active today: their own and their running temporary hosts. */
    @SuppressWarnings("unchecked")
    public List<UUID> organizationsOf(UUID memberId, LocalDate today) {
        return em.createNativeQuery("""
                SELECT m.organization_id FROM member_ref m WHERE m.id = :id AND m.status IN (:active)
                UNION
                SELECT h.organization_id FROM member_host h JOIN member_ref m ON m.id = h.member_id
                WHERE h.member_id = :id AND m.status IN (:active) AND (h.until IS NULL OR h.until >= :today)""")
                .setParameter("id", memberId).setParameter("today", today).setParameter("active", ACTIVE)
                .getResultList();
    }

    public long versionOf(UUID id) {
        List<?> r = em.createNativeQuery("SELECT version FROM member_ref WHERE id = :id").setParameter("id", id).getResultList();
        return r.isEmpty() ? -1 : ((Number) r.get(0)).longValue();
    }
}
