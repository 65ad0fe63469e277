package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.membership.domain.Decision;
import vn.grassroots.membership.domain.DisciplineForm;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.events.MemberEvents;

/**
 * Discipline (kỷ luật): recorded by those who record decisions, read by whoever may read the member. Every
 * discipline, expulsion included (recorded by {@link MemberService#changeStatus}), is one row and one
 * {@code disciplined} event, which the evaluations service uses for its caps.
 */
@ApplicationScoped
public class DisciplineService {
    private final VietnamClock clock;
    private final EntityManager em;
    private final MemberService members;
    private final Access access;
    private final MemberEvents events;

    public DisciplineService(VietnamClock clock, EntityManager em, MemberService members, Access access,
            MemberEvents events) {
        this.clock = clock;
        this.em = em;
        this.members = members;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public Results.DisciplineRecord record(UUID memberId, Commands.RecordDiscipline r) {
        access.caller().requireRole(Access.DECIDERS);
        Member m = members.readable(memberId);
        if (r.form() == DisciplineForm.EXPULSION) {
            throw ProblemException.unprocessable("expulsion-is-a-status-change",
                    "expulsion (khai trừ) is recorded by POST /api/v1/members/" + m.id + "/status-changes with status EXPELLED",
                    new FieldError("form", "must be REPRIMAND, WARNING or DISMISSAL"));
        }
        if (!m.status.isActiveMember()) {
            throw ProblemException.conflict("member-not-active", "a " + m.status + " member is no longer disciplined");
        }
        if (r.decision().date().isAfter(clock.today())) {
            throw ProblemException.invalid("decision.date", "must not be in the future");
        }
        if (r.decision().date().isBefore(m.admissionDate)) {
            throw ProblemException.unprocessable("decision-before-admission", "the decision predates the admission (" + m.admissionDate + ")",
                    new FieldError("decision.date", "must not be before " + m.admissionDate));
        }
        Results.DisciplineRecord recorded = insert(m, r.form(), r.decision(), r.authority(), r.reason());
        members.audit("member.disciplined", m, null, recorded);
        return recorded;
    }

    /** Stores the discipline and publishes its event; the caller has checked the rules. */
    Results.DisciplineRecord insert(Member m, DisciplineForm form, Decision decision, String authority, String reason) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String by = access.caller().name();
        em.createNativeQuery("""
                INSERT INTO discipline (id, member_id, form, decided_on, decision_number, authority, reason, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, m.id).setParameter(3, form.name()).setParameter(4, decision.date())
                .setParameter(5, decision.number().trim()).setParameter(6, authority).setParameter(7, reason.trim())
                .setParameter(8, by).setParameter(9, now).executeUpdate();
        events.member(MemberEvents.DISCIPLINED, m, new MemberEvents.Disciplined(
                new MemberEvents.DisciplineData(id, form.name(), decision.date(), decision, authority, reason.trim())));
        return new Results.DisciplineRecord(id, m.id, form, decision.date(), decision.number().trim(), authority, reason.trim(), by, now);
    }

    @Transactional
    public List<Results.DisciplineRecord> list(UUID memberId) {
        Member m = members.readable(memberId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, form, decided_on, decision_number, authority, reason, recorded_by, recorded_at
                FROM discipline WHERE member_id = ?1 ORDER BY decided_on, recorded_at""").setParameter(1, m.id).getResultList();
        return rows.stream().map(r -> new Results.DisciplineRecord((UUID) r[0], m.id, DisciplineForm.valueOf((String) r[1]),
                Dates.date(r[2]), (String) r[3], (String) r[4], (String) r[5], (String) r[6], Dates.instant(r[7]))).toList();
    }
}
