package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.TheoryLevel;
import vn.grassroots.membership.domain.TrainingKind;
import vn.grassroots.membership.events.MemberEvents;

/** Training records: kept by those who keep the member's profile, read by those who may read the member. */
@ApplicationScoped
public class TrainingService {
    private final EntityManager em;
    private final MemberService members;
    private final Access access;
    private final MemberEvents events;

    public TrainingService(EntityManager em, MemberService members, Access access, MemberEvents events) {
        this.em = em;
        this.members = members;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public Results.TrainingRecord record(UUID memberId, Commands.RecordTraining r) {
        access.caller().requireRole(Access.CELL_KEEPERS);
        Member m = members.readable(memberId);
        String level = r.level().trim();
        if (r.kind() == TrainingKind.POLITICAL_THEORY) {
            try {
                if (TheoryLevel.valueOf(level.toUpperCase()) == TheoryLevel.NONE) {
                    throw new IllegalArgumentException();
                }
                level = level.toUpperCase();
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("level", "must be one of ELEMENTARY, INTERMEDIATE, ADVANCED, BACHELOR for a political theory course");
            }
        }
        if (r.completedOn() != null && r.completedOn().isBefore(r.startedOn())) {
            throw ProblemException.unprocessable("completed-before-started", "a course ends after it starts",
                    new FieldError("completedOn", "must not be before startedOn"));
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO training_record (id, member_id, kind, level, institution, started_on, completed_on, certificate_number, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now())""")
                .setParameter(1, id).setParameter(2, m.id).setParameter(3, r.kind().name()).setParameter(4, level)
                .setParameter(5, r.institution().trim()).setParameter(6, r.startedOn()).setParameter(7, r.completedOn())
                .setParameter(8, r.certificateNumber()).setParameter(9, access.caller().name())
                .executeUpdate();
        Results.TrainingRecord recorded = list(m).stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
        members.audit("member.training-recorded", m, null, recorded);
        if (r.kind() == TrainingKind.POLITICAL_THEORY && r.completedOn() != null) {
            raiseTheoryLevel(m, TheoryLevel.valueOf(level));
        }
        return recorded;
    }

    /** A completed course raises the member's theory level (trình độ lý luận chính trị); it never lowers it. */
    private void raiseTheoryLevel(Member m, TheoryLevel completed) {
        if (completed.rank() <= m.theoryLevel.rank()) {
            return;
        }
        TheoryLevel before = m.theoryLevel;
        m.theoryLevel = completed;
        m.updatedAt = Instant.now();
        em.flush();
        members.audit("member.profile-changed", m, java.util.Map.of("theoryLevel", before), java.util.Map.of("theoryLevel", completed));
        events.member(MemberEvents.PROFILE_CHANGED, m);
    }

    @Transactional
    public List<Results.TrainingRecord> list(UUID memberId) {
        return list(members.readable(memberId));
    }

    private List<Results.TrainingRecord> list(Member m) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, kind, level, institution, started_on, completed_on, certificate_number, recorded_by, recorded_at
                FROM training_record WHERE member_id = ?1 ORDER BY started_on, id""").setParameter(1, m.id).getResultList();
        return rows.stream().map(r -> new Results.TrainingRecord((UUID) r[0], m.id, TrainingKind.valueOf((String) r[1]), (String) r[2],
                (String) r[3], Dates.date(r[4]), Dates.date(r[5]), (String) r[6], (String) r[7],
                Dates.instant(r[8])))
                .toList();
    }
}
