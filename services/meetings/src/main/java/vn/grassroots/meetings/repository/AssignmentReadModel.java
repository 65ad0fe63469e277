package vn.grassroots.meetings.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The read model of assignments: who is assigned to attend the meetings of which organization (ATTENDS_MEETINGS). */
@ApplicationScoped
public class AssignmentReadModel {
    public static final String ATTENDS_MEETINGS = "ATTENDS_MEETINGS";

    private final EntityManager em;

    public AssignmentReadModel(EntityManager em) {
        this.em = em;
    }

    public record AssignmentRow(UUID id, UUID personId, String targetType, UUID targetId, UUID organizationId, String role,
            LocalDate validFrom, LocalDate validTo, String status, long version) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(AssignmentRow a) {
        return em.createNativeQuery("""
                INSERT INTO assignment_ref (id, person_id, target_type, target_id, organization_id, role, valid_from, valid_to, status, version)
                VALUES (:id, :person, :tt, :target, :org, :role, :from, :to, :status, :version)
                ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, target_type = EXCLUDED.target_type,
                    target_id = EXCLUDED.target_id, organization_id = EXCLUDED.organization_id, role = EXCLUDED.role,
                    valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, status = EXCLUDED.status, version = EXCLUDED.version
                WHERE assignment_ref.version <= EXCLUDED.version""")
                .setParameter("id", a.id()).setParameter("person", a.personId()).setParameter("tt", a.targetType())
                .setParameter("target", a.targetId()).setParameter("org", a.organizationId()).setParameter("role", a.role())
                .setParameter("from", a.validFrom()).setParameter("to", a.validTo()).setParameter("status", a.status())
                .setParameter("version", a.version())
                .executeUpdate() == 1;
    }

    /**
     * The superior committee members assigned to attend the organization's meetings on a date: ATTENDS_MEETINGS
     * assignments targeting the organization, valid on that date. An ENDED assignment still counts for dates before
     * its validTo (it was in force then).
     */
    @SuppressWarnings("unchecked")
    public List<UUID> attendeesOf(UUID organizationId, LocalDate on) {
        return em.createNativeQuery("""
                SELECT DISTINCT person_id FROM assignment_ref
                WHERE organization_id = :org AND target_type = 'ORGANIZATION' AND role = :role
                  AND valid_from <= :on AND (valid_to IS NULL OR valid_to >= :on)
                  AND (status = 'ACTIVE' OR valid_to IS NOT NULL)""")
                .setParameter("org", organizationId).setParameter("role", ATTENDS_MEETINGS).setParameter("on", on)
                .getResultList();
    }

    public long versionOf(UUID id) {
        List<?> r = em.createNativeQuery("SELECT version FROM assignment_ref WHERE id = :id").setParameter("id", id).getResultList();
        return r.isEmpty() ? -1 : ((Number) r.get(0)).longValue();
    }
}
