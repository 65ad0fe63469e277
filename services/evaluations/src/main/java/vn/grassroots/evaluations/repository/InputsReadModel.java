package vn.grassroots.evaluations.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.grassroots.evaluations.domain.Inputs.Attendance;
import vn.grassroots.evaluations.domain.Inputs.Discipline;
import vn.grassroots.evaluations.domain.Inputs.Tasks;

/**
 * Read models of what the other services know and the ratings show beside the self-assessment: members (where
 * active, status), their disciplines, meeting attendance and tasks. Statistics are SQL aggregates per member or
 * organization and year.
 */
@ApplicationScoped
public class InputsReadModel {
    private final EntityManager em;

    public InputsReadModel(EntityManager em) {
        this.em = em;
    }

    public record MemberRef(UUID id, String fullName, UUID organizationId, String status) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsertMember(UUID id, String fullName, UUID organizationId, String status, long version) {
        return em.createNativeQuery("""
                INSERT INTO member_ref (id, full_name, organization_id, status, version) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, organization_id = EXCLUDED.organization_id,
                    status = EXCLUDED.status, version = EXCLUDED.version, applied_at = now()
                WHERE member_ref.version <= EXCLUDED.version""")
                .setParameter(1, id).setParameter(2, fullName).setParameter(3, organizationId).setParameter(4, status)
                .setParameter(5, version).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addDiscipline(String eventId, UUID memberId, Discipline d) {
        em.createNativeQuery("""
                INSERT INTO member_discipline (event_id, member_id, form, decided_on, decision_number, decision_date, issuer, reason)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, memberId).setParameter(3, d.form()).setParameter(4, d.decidedOn())
                .setParameter(5, d.decisionNumber()).setParameter(6, d.decisionDate()).setParameter(7, d.issuer())
                .setParameter(8, d.reason()).executeUpdate();
    }

    /** One member's attendance at one meeting; a later report of the same meeting replaces the earlier one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attendance(UUID meetingId, UUID memberId, UUID organizationId, int year, String status) {
        em.createNativeQuery("""
                INSERT INTO meeting_attendance (meeting_id, member_id, organization_id, year, status) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = EXCLUDED.status, year = EXCLUDED.year,
                    organization_id = COALESCE(EXCLUDED.organization_id, meeting_attendance.organization_id)""")
                .setParameter(1, meetingId).setParameter(2, memberId).setParameter(3, organizationId).setParameter(4, year)
                .setParameter(5, status).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertTask(UUID id, String assigneeType, UUID assigneeId, UUID assigneeOrg, LocalDate due, String state,
            LocalDate completedOn, Boolean onTime, long version) {
        em.createNativeQuery("""
                INSERT INTO task_ref (id, assignee_type, assignee_id, assignee_organization_id, due_date, state, completed_on, on_time, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                ON CONFLICT (id) DO UPDATE SET assignee_type = EXCLUDED.assignee_type, assignee_id = EXCLUDED.assignee_id,
                    assignee_organization_id = EXCLUDED.assignee_organization_id, due_date = EXCLUDED.due_date,
                    state = EXCLUDED.state, completed_on = EXCLUDED.completed_on, on_time = EXCLUDED.on_time, version = EXCLUDED.version
                WHERE task_ref.version <= EXCLUDED.version""")
                .setParameter(1, id).setParameter(2, assigneeType).setParameter(3, assigneeId).setParameter(4, assigneeOrg)
                .setParameter(5, due).setParameter(6, state).setParameter(7, completedOn).setParameter(8, onTime)
                .setParameter(9, version).executeUpdate();
    }

    public Optional<MemberRef> member(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, full_name, organization_id, status FROM member_ref WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new MemberRef((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3]));
    }

    public List<Discipline> disciplines(UUID memberId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT form, decided_on, decision_number, decision_date, issuer, reason FROM member_discipline
                WHERE member_id = ?1 AND decided_on >= ?2 AND decided_on < ?3 ORDER BY decided_on""")
                .setParameter(1, memberId).setParameter(2, LocalDate.of(year, 1, 1)).setParameter(3, LocalDate.of(year + 1, 1, 1))
                .getResultList();
        return rows.stream().map(r -> new Discipline((String) r[0], date(r[1]), (String) r[2], date(r[3]), (String) r[4], (String) r[5])).toList();
    }

    /** Attendance of a member (column member_id) or of an organization's meetings (column organization_id) in a year. */
    public Attendance attendance(String column, UUID id, int year) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT count(*), count(*) FILTER (WHERE status = 'PRESENT'),"
                        + " count(*) FILTER (WHERE status = 'ABSENT_UNEXCUSED') FROM meeting_attendance WHERE "
                        + column + " = ?1 AND year = ?2")
                .setParameter(1, id).setParameter(2, year).getSingleResult();
        long expected = ((Number) r[0]).longValue();
        long present = ((Number) r[1]).longValue();
        BigDecimal rate = expected == 0 ? null
                : BigDecimal.valueOf(present * 100).divide(BigDecimal.valueOf(expected), 1, RoundingMode.HALF_UP);
        return new Attendance(expected, present, rate, ((Number) r[2]).longValue());
    }

    /** Tasks due in the year, assigned to a member (column assignee_id) or to an organization and its members. */
    public Tasks tasks(String column, UUID id, int year) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT count(*), count(*) FILTER (WHERE state = 'DONE'),"
                        + " count(*) FILTER (WHERE state = 'DONE' AND on_time) FROM task_ref WHERE " + column
                        + " = ?1 AND due_date >= ?2 AND due_date < ?3 AND state <> 'CANCELLED'")
                .setParameter(1, id).setParameter(2, LocalDate.of(year, 1, 1)).setParameter(3, LocalDate.of(year + 1, 1, 1))
                .getSingleResult();
        return new Tasks(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    }

    static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }
}
