package vn.grassroots.assignments.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import vn.grassroots.assignments.domain.HeldMeeting;

/** The read model of held meetings (held_meeting), from the meetings service's held events. */
@ApplicationScoped
public class MeetingReadModel {
    private final EntityManager em;

    public MeetingReadModel(EntityManager em) {
        this.em = em;
    }

    /** Stores a held meeting unless a newer version is stored; true when written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean upsert(HeldMeeting m) {
        return em.createNativeQuery("""
                INSERT INTO held_meeting (id, organization_id, kind, meeting_date, superior_attendee_ids, version, applied_at)
                VALUES (:id, :org, :kind, :date, cast(:attendees AS uuid[]), :version, now())
                ON CONFLICT (id) DO UPDATE SET organization_id = EXCLUDED.organization_id, kind = EXCLUDED.kind,
                    meeting_date = EXCLUDED.meeting_date, superior_attendee_ids = EXCLUDED.superior_attendee_ids,
                    version = EXCLUDED.version, applied_at = now()
                WHERE held_meeting.version <= EXCLUDED.version""")
                .setParameter("id", m.id())
                .setParameter("org", m.organizationId())
                .setParameter("kind", m.kind())
                .setParameter("date", m.meetingDate())
                .setParameter("attendees", "{" + String.join(",", m.superiorAttendeeIds().stream().map(UUID::toString).toList()) + "}")
                .setParameter("version", m.version())
                .executeUpdate() == 1;
    }

    /** True when a meeting is stored (tests and diagnostics). */
    public boolean exists(UUID id) {
        return !em.createNativeQuery("SELECT 1 FROM held_meeting WHERE id = ?1").setParameter(1, id).getResultList().isEmpty();
    }
}
