package vn.grassroots.meetings.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.meetings.domain.Meeting;
import vn.grassroots.meetings.domain.MeetingKind;
import vn.grassroots.meetings.domain.MeetingState;
import vn.grassroots.meetings.repository.MemberReadModel;

/** Reading meetings: one by id as the caller may see it, its attendance, the subtree's list and the caller's calendar. */
@ApplicationScoped
public class MeetingQueries {
    private final VietnamClock clock;
    private final EntityManager em;
    private final Access access;
    private final MemberReadModel members;

    public MeetingQueries(VietnamClock clock, EntityManager em, Access access, MemberReadModel members) {
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.members = members;
    }

    /** The roster with each member's attendance once held; before, the members expected today (status null). */
    @Transactional
    public Results.AttendanceRecord attendance(UUID id) {
        Meeting m = readable(id);
        if (m.state == MeetingState.HELD || m.state == MeetingState.MINUTES_APPROVED) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT member_id, full_name, official, temporary, status, reason FROM attendance WHERE meeting_id = ?1 ORDER BY full_name, member_id")
                    .setParameter(1, m.id).getResultList();
            @SuppressWarnings("unchecked")
            List<Object[]> guests = em.createNativeQuery("SELECT full_name, member_id, title, superior FROM meeting_guest WHERE meeting_id = ?1 ORDER BY position")
                    .setParameter(1, m.id).getResultList();
            return new Results.AttendanceRecord(
                    rows.stream().map(r -> new Results.MemberAttendance((UUID) r[0], (String) r[1], (Boolean) r[2], (Boolean) r[3], (String) r[4], (String) r[5])).toList(),
                    guests.stream().map(g -> new Results.Guest((String) g[0], (UUID) g[1], (String) g[2], (Boolean) g[3])).toList());
        }
        return new Results.AttendanceRecord(members.roster(m.organizationId, m.meetingDate).stream()
                .map(r -> new Results.MemberAttendance(r.memberId(), r.fullName(), r.official(), r.temporary(), null, null)).toList(), List.of());
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /** A meeting the caller keeps (keeper role, in their subtree), locked for the change. */
    public Meeting forChange(UUID id) {
        access.caller().requireRole(Access.KEEPERS);
        Meeting m = em.find(Meeting.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("meeting", id);
        }
        access.caller().requireInScope(m.organizationPath, m.organizationId);
        return m;
    }

    /** A meeting the caller may read ({@link #readable}), read whole within the transaction: its agenda is lazy. */
    @Transactional
    public Results.MeetingDetails read(UUID id) {
        return Results.MeetingDetails.of(readable(id));
    }

    /** A meeting the caller may read: in their subtree, or (members) a non-draft meeting of an organization where they are active. */
    @Transactional
    public Meeting readable(UUID id) {
        Meeting m = em.find(Meeting.class, id);
        if (m == null) {
            throw ProblemException.notFound("meeting", id);
        }
        if (access.subtreeReader() && access.caller().scope().contains(m.organizationPath)) {
            return m;
        }
        if (m.state != MeetingState.DRAFT && access.activeMemberOf(m.organizationId)) {
            return m;
        }
        if (access.subtreeReader()) {
            throw ProblemException.outOfScope();
        }
        throw new ProblemException(403, "not-a-member-of-organization", "Forbidden",
                "members read the published meetings of the organizations where they are active");
    }

    public record ListFilter(UUID organizationId, boolean includeDescendants, LocalDate from, LocalDate to,
            List<MeetingKind> kinds, List<MeetingState> states) {}

    /** Meetings of the caller's subtree by start time, one page at a time (keyset on starts_at, id). */
    @Transactional
    public Page<Results.MeetingSummary> list(ListFilter f, String cursor, Integer limit) {
        access.caller().requireRole(Access.SUBTREE_READERS);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 2);
        Scope scope = access.caller().scope();
        String path = null;
        if (f.organizationId() != null) {
            path = access.organizationInScope(f.organizationId(), "organizationId").path;
        }
        TypedQuery<UUID> query = em.createQuery(listQuery(f, scope, after), UUID.class).setMaxResults(n + 1);
        scope.bind(query::setParameter, "scope");
        bindList(query, f, path, after);
        return summaries(query.getResultList(), n);
    }

    /** The JPQL of a list: the filters given, after the cursor, in start order. */
    private static String listQuery(ListFilter f, Scope scope, String[] after) {
        String org = f.organizationId() == null ? ""
                : f.includeDescendants() ? " AND " + vn.grassroots.common.security.Subtree.condition("m.organizationPath", "org")
                : " AND m.organizationId = :orgId";
        StringBuilder q = new StringBuilder("select m.id from Meeting m where " + scope.sql("m.organizationPath", "scope") + org);
        // meetingDate is the day of startsAt in Asia/Ho_Chi_Minh: the same bounds on startsAt let the walk in startsAt
        // order (index meeting_start_id) start at the period
        if (f.from() != null) {
            q.append(" and m.meetingDate >= :from and m.startsAt >= :fromStart");
        }
        if (f.to() != null) {
            q.append(" and m.meetingDate <= :to and m.startsAt < :toEnd");
        }
        if (!f.kinds().isEmpty()) {
            q.append(" and m.kind in :kinds");
        }
        if (!f.states().isEmpty()) {
            q.append(" and m.state in :states");
        }
        if (after != null) {
            q.append(" and ").append(Cursor.after("m.startsAt", "m.id", "afterStart", "afterId"));
        }
        q.append(" order by m.startsAt, m.id");
        return q.toString();
    }

    private static void bindList(TypedQuery<UUID> query, ListFilter f, String path, String[] after) {
        if (f.organizationId() != null) {
            if (f.includeDescendants()) {
                vn.grassroots.common.security.Subtree.bind(query::setParameter, "org", path);
            } else {
                query.setParameter("orgId", f.organizationId());
            }
        }
        if (f.from() != null) {
            query.setParameter("from", f.from()).setParameter("fromStart", f.from().atStartOfDay(VietnamClock.ZONE).toInstant());
        }
        if (f.to() != null) {
            query.setParameter("to", f.to()).setParameter("toEnd", f.to().plusDays(1).atStartOfDay(VietnamClock.ZONE).toInstant());
        }
        if (!f.kinds().isEmpty()) {
            query.setParameter("kinds", f.kinds());
        }
        if (!f.states().isEmpty()) {
            query.setParameter("states", f.states());
        }
        if (after != null) {
            query.setParameter("afterStart", Cursor.instant(after[0]));
            query.setParameter("afterId", Cursor.id(after[1]));
        }
    }

    /**
     * A page of summaries from the ids of its meetings in list order. The ids come first, from a walk of an index in
     * (starts_at, id) order that needs no row (meeting_start_id holds the path, date, kind and state); then only the
     * page's rows, and of them only the summary's columns: a Meeting entity would also load its agenda, one query each.
     */
    private Page<Results.MeetingSummary> summaries(List<UUID> ids, int n) {
        Map<UUID, Results.MeetingSummary> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select " + Results.MeetingSummary.COLUMNS + " from Meeting m where m.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(r -> byId.put((UUID) r[0], Results.MeetingSummary.of(r)));
        }
        return Cursor.page(ids.stream().map(byId::get).toList(), n, s -> s,
                s -> Cursor.encode(s.startsAt().toString(), s.id().toString()));
    }

    /**
     * The caller's own calendar: non-draft meetings of every organization where they are active, by start time;
     * with updatedSince only those changed after it (delta sync).
     */
    @Transactional
    public Page<Results.MeetingSummary> mine(Instant updatedSince, String cursor, Integer limit) {
        access.caller().requireRole(Roles.MEMBER, Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.AUDITOR, Roles.INTEGRATION);
        UUID self = access.self();
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 2);
        List<UUID> orgs = members.organizationsOf(self, clock.today());
        if (orgs.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        StringBuilder q = new StringBuilder("select m.id from Meeting m where m.organizationId in :orgs and m.state <> :draft");
        if (updatedSince != null) {
            q.append(" and m.updatedAt > :since");
        }
        if (after != null) {
            q.append(" and ").append(Cursor.after("m.startsAt", "m.id", "afterStart", "afterId"));
        }
        q.append(" order by m.startsAt, m.id");
        TypedQuery<UUID> query = em.createQuery(q.toString(), UUID.class).setMaxResults(n + 1)
                .setParameter("orgs", orgs).setParameter("draft", MeetingState.DRAFT);
        if (updatedSince != null) {
            query.setParameter("since", updatedSince);
        }
        if (after != null) {
            query.setParameter("afterStart", Cursor.instant(after[0]));
            query.setParameter("afterId", Cursor.id(after[1]));
        }
        return summaries(query.getResultList(), n);
    }
}
