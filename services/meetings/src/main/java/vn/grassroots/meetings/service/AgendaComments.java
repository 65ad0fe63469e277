package vn.grassroots.meetings.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.meetings.domain.Meeting;
import vn.grassroots.meetings.domain.MeetingState;
import vn.grassroots.meetings.repository.MemberReadModel;

/** Members' comments on a published agenda (góp ý dự thảo), before the meeting is held. */
@ApplicationScoped
public class AgendaComments {
    private final VietnamClock clock;
    private final EntityManager em;
    private final Access access;
    private final AuditTrail audit;
    private final MemberReadModel members;
    private final MeetingQueries meetings;

    public AgendaComments(VietnamClock clock, EntityManager em, Access access, AuditTrail audit,
            MemberReadModel members, MeetingQueries meetings) {
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.audit = audit;
        this.members = members;
        this.meetings = meetings;
    }

    @Transactional
    public Results.Comment comment(UUID id, Commands.Comment in) {
        Meeting m = em.find(Meeting.class, id);
        if (m == null) {
            throw ProblemException.notFound("meeting", id);
        }
        UUID self = access.self();
        if (!members.activeIn(self, m.organizationId, clock.today())) {
            throw new ProblemException(403, "not-a-member-of-organization", "Forbidden",
                    "only members active in the meeting's organization comment on its agenda");
        }
        if (m.state != MeetingState.PUBLISHED) {
            throw ProblemException.conflict("comments-closed", "comments are taken while the meeting is PUBLISHED and not yet held; it is " + m.state);
        }
        if (m.agenda.stream().noneMatch(i -> i.id.equals(in.agendaItemId()))) {
            throw ProblemException.unprocessable("unknown-agenda-item", "the meeting has no agenda item " + in.agendaItemId(),
                    new FieldError("agendaItemId", "is not an item of this meeting's agenda"));
        }
        Instant now = Instant.now();
        Number commentId = (Number) em.createNativeQuery("""
                INSERT INTO agenda_comment (meeting_id, agenda_item_id, member_id, author, text, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id""")
                .setParameter(1, m.id).setParameter(2, in.agendaItemId()).setParameter(3, self)
                .setParameter(4, access.caller().name()).setParameter(5, in.text().trim()).setParameter(6, now)
                .getSingleResult();
        audit.record("meeting.commented", "Meeting", m.id, m.organizationPath, null, Map.of("agendaItemId", in.agendaItemId(), "text", in.text()));
        return new Results.Comment(commentId.longValue(), in.agendaItemId(), self, access.caller().name(), in.text().trim(), now);
    }

    /** Keepers and readers of the subtree see every comment; a member of the organization sees their own. */
    @Transactional
    public Page<Results.Comment> comments(UUID id, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Meeting m = meetings.readable(id);
        UUID only = access.subtreeReader() && access.caller().scope().contains(m.organizationPath) ? null : access.self();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, agenda_item_id, member_id, author, text, created_at FROM agenda_comment
                WHERE meeting_id = :m AND (cast(:only AS uuid) IS NULL OR member_id = :only)
                  AND (cast(:after AS bigint) IS NULL OR id > :after)
                ORDER BY id LIMIT :limit""")
                .setParameter("m", m.id).setParameter("only", only)
                .setParameter("after", after == null ? null : Cursor.number(after[0])).setParameter("limit", n + 1)
                .getResultList();
        return Cursor.page(rows, n, r -> new Results.Comment(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2], (String) r[3],
                (String) r[4], instant(r[5])), r -> r[0].toString());
    }

    private static Instant instant(Object v) {
        return v instanceof java.time.OffsetDateTime o ? o.toInstant() : v instanceof Instant i ? i : ((java.sql.Timestamp) v).toInstant();
    }
}
