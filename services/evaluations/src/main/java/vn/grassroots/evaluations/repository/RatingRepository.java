package vn.grassroots.evaluations.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.evaluations.domain.Inputs;
import vn.grassroots.evaluations.domain.Rating;
import vn.grassroots.evaluations.domain.RatingState;
import vn.grassroots.evaluations.domain.SubjectType;

/** The rating table: one row per subject and cycle, each workflow step written by one statement. */
@ApplicationScoped
public class RatingRepository {
    private static final String SELECT = """
            SELECT id, cycle_id, year, subject_type, subject_id, subject_name, organization_id, org_path, org_type, org_sector, state,
                self_scores::text, self_total, self_text, self_by, self_at, inputs::text, proposed_level, proposal_note, proposed_by,
                proposed_at, decided_level, decision_note, decided_by, decided_at, sent_back_reason, sent_back_by, sent_back_at, version
            FROM rating""";

    private final EntityManager em;
    private final ObjectMapper json;

    public RatingRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The rating of a subject in a cycle; with {@code lock}, locked for the change. */
    public Optional<Rating> find(UUID cycleId, SubjectType type, UUID subjectId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE cycle_id = ?1 AND subject_type = ?2 AND subject_id = ?3"
                        + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, cycleId).setParameter(2, type.name()).setParameter(3, subjectId).getResultList();
        return rows.stream().findFirst().map(this::rating);
    }

    public Rating get(UUID id) {
        return rating((Object[]) em.createNativeQuery(SELECT + " WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    /** A page of a cycle's ratings in the scope (and under a path when given), by subject name then id, after a key. */
    public List<Rating> page(UUID cycleId, Scope scope, String under, SubjectType type, RatingState state, String level,
            String[] after, int limit) {
        Query q = em.createNativeQuery(SELECT + " WHERE cycle_id = :cycle AND " + scope.sql("org_path", "scope")
                        + (under == null ? "" : " AND " + Subtree.condition("org_path", "under"))
                        + " AND (cast(:type AS text) IS NULL OR subject_type = :type)"
                        + " AND (cast(:state AS text) IS NULL OR state = :state)"
                        + " AND (cast(:level AS text) IS NULL OR decided_level = :level)"
                        + " AND (cast(:afterName AS text) IS NULL OR (subject_name, id) > (:afterName, cast(:afterId AS uuid)))"
                        + " ORDER BY subject_name, id LIMIT :limit")
                .setParameter("cycle", cycleId)
                .setParameter("type", type == null ? null : type.name())
                .setParameter("state", state == null ? null : state.name())
                .setParameter("level", level)
                .setParameter("afterName", after == null ? null : after[0])
                .setParameter("afterId", after == null ? null : after[1])
                .setParameter("limit", limit);
        scope.bind(q::setParameter, "scope");
        if (under != null) {
            Subtree.bind(q::setParameter, "under", under);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(this::rating).toList();
    }

    /** Whether the subject is rated in another cycle of the year (a member or organization is rated once a year). */
    public boolean ratedInAnotherCycle(int year, SubjectType type, UUID subjectId, UUID cycleId) {
        Number n = (Number) em.createNativeQuery("""
                SELECT count(*) FROM rating WHERE year = ?1 AND subject_type = ?2 AND subject_id = ?3 AND cycle_id <> ?4""")
                .setParameter(1, year).setParameter(2, type.name()).setParameter(3, subjectId).setParameter(4, cycleId).getSingleResult();
        return n.longValue() > 0;
    }

    public void insertSelfAssessment(UUID id, UUID cycleId, int year, SubjectType type, UUID subjectId, String subjectName,
            OrgRef org, Map<String, BigDecimal> scores, BigDecimal total, String text, String by, Inputs snapshot) {
        em.createNativeQuery("""
                INSERT INTO rating (id, cycle_id, year, subject_type, subject_id, subject_name, organization_id, org_path, org_type,
                    org_sector, state, self_scores, self_total, self_text, self_by, self_at, inputs, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'SELF_ASSESSED', cast(?11 AS jsonb), ?12, ?13, ?14, now(), cast(?15 AS jsonb), 0)""")
                .setParameter(1, id).setParameter(2, cycleId).setParameter(3, year).setParameter(4, type.name())
                .setParameter(5, subjectId).setParameter(6, subjectName).setParameter(7, org.id).setParameter(8, org.path)
                .setParameter(9, org.type).setParameter(10, org.sector).setParameter(11, write(scores))
                .setParameter(12, total).setParameter(13, text).setParameter(14, by)
                .setParameter(15, write(snapshot)).executeUpdate();
    }

    public void updateSelfAssessment(UUID id, Map<String, BigDecimal> scores, BigDecimal total, String text, String by, Inputs snapshot) {
        em.createNativeQuery("""
                UPDATE rating SET state = 'SELF_ASSESSED', self_scores = cast(?1 AS jsonb), self_total = ?2, self_text = ?3,
                    self_by = ?4, self_at = now(), inputs = cast(?5 AS jsonb), version = version + 1 WHERE id = ?6""")
                .setParameter(1, write(scores)).setParameter(2, total).setParameter(3, text)
                .setParameter(4, by).setParameter(5, write(snapshot)).setParameter(6, id).executeUpdate();
    }

    public void propose(UUID id, String level, String note, String by) {
        em.createNativeQuery("""
                UPDATE rating SET state = 'PROPOSED', proposed_level = ?1, proposal_note = ?2, proposed_by = ?3, proposed_at = now(),
                    version = version + 1 WHERE id = ?4""")
                .setParameter(1, level).setParameter(2, note).setParameter(3, by).setParameter(4, id).executeUpdate();
    }

    public void decide(UUID id, String level, int rank, String note, String by) {
        em.createNativeQuery("""
                UPDATE rating SET state = 'DECIDED', decided_level = ?1, decided_rank = ?2, decision_note = ?3, decided_by = ?4,
                    decided_at = now(), version = version + 1 WHERE id = ?5""")
                .setParameter(1, level).setParameter(2, rank).setParameter(3, note).setParameter(4, by).setParameter(5, id)
                .executeUpdate();
    }

    public void sendBack(UUID id, RatingState to, String reason, String by) {
        em.createNativeQuery("""
                UPDATE rating SET state = ?1, sent_back_reason = ?2, sent_back_by = ?3, sent_back_at = now(), version = version + 1
                WHERE id = ?4""")
                .setParameter(1, to.name()).setParameter(2, reason).setParameter(3, by).setParameter(4, id).executeUpdate();
    }

    /**
     * The decided ratings of a cycle (of one organization when given) at {@code level} and at {@code relativeTo}. Takes the
     * quota's lock first: decisions under one quota are counted one at a time, so two at once cannot both pass.
     */
    public long[] decidedAt(UUID cycleId, SubjectType type, UUID organizationId, String level, String relativeTo) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "quota:" + cycleId + (organizationId != null ? ":" + organizationId : "")).getSingleResult();
        Object[] counts = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE decided_level = ?1), count(*) FILTER (WHERE decided_level = ?2) FROM rating
                WHERE cycle_id = ?3 AND subject_type = ?4 AND state = 'DECIDED' AND (cast(?5 AS uuid) IS NULL OR organization_id = ?5)""")
                .setParameter(1, level).setParameter(2, relativeTo).setParameter(3, cycleId)
                .setParameter(4, type.name()).setParameter(5, organizationId).getSingleResult();
        return new long[] {Sql.number(counts[0]), Sql.number(counts[1])};
    }

    private Rating rating(Object[] r) {
        return new Rating((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), SubjectType.valueOf((String) r[3]), (UUID) r[4],
                (String) r[5], (UUID) r[6], (String) r[7], (String) r[8], (String) r[9], RatingState.valueOf((String) r[10]),
                read((String) r[11], new TypeReference<LinkedHashMap<String, BigDecimal>>() {}), Sql.decimal(r[12]), (String) r[13],
                (String) r[14], Sql.instant(r[15]), read((String) r[16], new TypeReference<Inputs>() {}), (String) r[17],
                (String) r[18], (String) r[19], Sql.instant(r[20]), (String) r[21], (String) r[22], (String) r[23],
                Sql.instant(r[24]), (String) r[25], (String) r[26], Sql.instant(r[27]), ((Number) r[28]).longValue());
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return s == null ? null : json.readValue(s, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
