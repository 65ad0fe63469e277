package vn.grassroots.meetings.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.web.ETags;
import vn.grassroots.meetings.domain.AgendaItem;
import vn.grassroots.meetings.domain.Attendance;
import vn.grassroots.meetings.domain.AttendanceStatus;
import vn.grassroots.meetings.domain.Meeting;
import vn.grassroots.meetings.domain.MeetingFormat;
import vn.grassroots.meetings.domain.MeetingKind;
import vn.grassroots.meetings.domain.MeetingState;
import vn.grassroots.meetings.domain.Quorum;
import vn.grassroots.meetings.events.MeetingEvents;
import vn.grassroots.meetings.repository.AssignmentReadModel;
import vn.grassroots.meetings.repository.MemberReadModel.RosterEntry;
import vn.grassroots.meetings.repository.MemberReadModel;

/** Meetings and their state machine: DRAFT → PUBLISHED → HELD → MINUTES_APPROVED, or CANCELLED with a reason. */
@ApplicationScoped
public class MeetingService {
    @Inject
    VietnamClock clock;

    @Inject
    EntityManager em;

    @Inject
    Access access;

    @Inject
    MeetingEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    MemberReadModel members;

    @Inject
    AssignmentReadModel assignments;

    @Inject
    QualityCriteria quality;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "meetings.quorum.numerator", defaultValue = "2")
    int quorumNumerator;

    @ConfigProperty(name = "meetings.quorum.denominator", defaultValue = "3")
    int quorumDenominator;

    /** How far back a meeting may be recorded after the fact: the current year and this many before it. */
    @ConfigProperty(name = "meetings.late-entry.previous-years", defaultValue = "1")
    int lateEntryPreviousYears;

    // ---- scheduling ----------------------------------------------------------------------------------------------

    @Transactional
    public Results.MeetingView create(Commands.MeetingInput in) {
        access.caller().requireRole(Access.KEEPERS);
        OrgRef org = access.organizationInScope(in.organizationId(), "organizationId");
        if (!org.isActive()) {
            throw ProblemException.unprocessable("organization-not-active", org.name + " is " + org.status,
                    new FieldError("organizationId", "must be an ACTIVE organization"));
        }
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.organizationId = org.id;
        m.organizationPath = org.path;
        m.state = MeetingState.DRAFT;
        m.createdBy = access.caller().name();
        m.createdAt = Instant.now();
        m.version = 1;
        apply(m, in);
        m.updatedAt = m.createdAt;
        em.persist(m);
        events.scheduled(m);
        audit.record("meeting.scheduled", "Meeting", m.id, m.organizationPath, null, Results.MeetingView.of(m));
        return Results.MeetingView.of(m);
    }

    @Transactional
    public Results.MeetingView update(UUID id, Commands.MeetingInput in, String ifMatch) {
        Meeting m = keep(id);
        ETags.require(ifMatch, m.version);
        m.refuseIfNotEditable();
        if (!m.organizationId.equals(in.organizationId())) {
            throw ProblemException.unprocessable("organization-fixed", "a meeting stays with its organization; cancel it and schedule another",
                    new FieldError("organizationId", "cannot change"));
        }
        Results.MeetingView before = Results.MeetingView.of(m);
        apply(m, in);
        if (m.state == MeetingState.PUBLISHED) {
            notInPast(m);
        }
        touch(m);
        events.state(m);
        audit.record("meeting.updated", "Meeting", m.id, m.organizationPath, before, Results.MeetingView.of(m));
        return Results.MeetingView.of(m);
    }

    @Transactional
    public Results.MeetingView publish(UUID id, String ifMatch) {
        Meeting m = keep(id);
        ETags.check(ifMatch, m.version);
        m.requireState(MeetingState.DRAFT, "only a DRAFT meeting is published");
        notInPast(m);
        if (m.agenda.isEmpty()) {
            throw ProblemException.unprocessable("agenda-empty", "publish the agenda with the meeting: it has no agenda item",
                    new FieldError("agenda", "must not be empty"));
        }
        m.state = MeetingState.PUBLISHED;
        touch(m);
        events.published(m);
        audit.record("meeting.published", "Meeting", m.id, m.organizationPath, null, Results.MeetingView.of(m));
        return Results.MeetingView.of(m);
    }

    @Transactional
    public Results.MeetingView cancel(UUID id, Commands.Cancel in, String ifMatch) {
        Meeting m = keep(id);
        ETags.check(ifMatch, m.version);
        m.requireCancellable();
        m.state = MeetingState.CANCELLED;
        m.cancelReason = in.reason().trim();
        touch(m);
        events.cancelled(m);
        audit.record("meeting.cancelled", "Meeting", m.id, m.organizationPath, null, Results.MeetingView.of(m));
        return Results.MeetingView.of(m);
    }

    // ---- attendance ----------------------------------------------------------------------------------------------

    /**
     * A meeting that took place, recorded after the fact in one call: scheduled, held with its attendance and, when given,
     * its minutes, in one transaction and with the events and audit entries of the usual steps. Its attendance counts like
     * a live one (absences, compliance); the meeting says who entered it, when, and that it was late.
     */
    @Transactional
    public Results.MeetingView recordPast(Commands.PastMeeting in) {
        if (in.meeting().startsAt().toInstant().isAfter(Instant.now())) {
            throw ProblemException.unprocessable("meeting-not-yet-held", "a meeting recorded after the fact has taken place: "
                    + in.meeting().startsAt() + " is ahead", new FieldError("meeting.startsAt", "must be in the past"));
        }
        Results.MeetingView scheduled = create(in.meeting());
        Results.MeetingView held = hold(scheduled.id(), new Commands.Hold(in.attendance(), in.guests()), null);
        return in.minutes() == null ? held : writeMinutes(keep(held.id()), in.minutes());
    }

    /**
     * Records who attended. A PUBLISHED meeting on or after its day; a DRAFT whose day has passed too (a meeting kept on
     * paper and entered later, within the late-entry window), without publishing it first.
     */
    @Transactional
    public Results.MeetingView hold(UUID id, Commands.Hold in, String ifMatch) {
        Meeting m = keep(id);
        ETags.check(ifMatch, m.version);
        boolean late = m.requireHoldable(clock.today(), lateEntryPreviousYears);
        m.attendanceRecordedBy = access.caller().name();
        m.attendanceRecordedAt = Instant.now();
        m.enteredLate = late;
        List<RosterEntry> roster = members.roster(m.organizationId, m.meetingDate);
        Map<UUID, RosterEntry> byId = new HashMap<>();
        roster.forEach(r -> byId.put(r.memberId(), r));
        Map<UUID, Commands.Mark> marks = new LinkedHashMap<>();
        List<FieldError> strangers = new ArrayList<>();
        for (int i = 0; i < in.attendance().size(); i++) {
            Commands.Mark mark = in.attendance().get(i);
            if (marks.put(mark.memberId(), mark) != null) {
                throw ProblemException.invalid("attendance[" + i + "].memberId", "is marked twice");
            }
            if (!byId.containsKey(mark.memberId())) {
                strangers.add(new FieldError("attendance[" + i + "].memberId",
                        mark.memberId() + " is not a member active in this organization on " + m.meetingDate));
            }
            if (mark.status() == AttendanceStatus.ABSENT_EXCUSED && (mark.reason() == null || mark.reason().isBlank())) {
                throw ProblemException.invalid("attendance[" + i + "].reason", "is required for ABSENT_EXCUSED (vắng có lý do)");
            }
        }
        if (!strangers.isEmpty()) {
            throw new ProblemException(422, "not-a-member-of-organization", "Unprocessable request",
                    "attendance is recorded only for members active in the organization (guests go under guests)", strangers);
        }
        List<FieldError> missing = roster.stream().filter(r -> !marks.containsKey(r.memberId()))
                .map(r -> new FieldError("attendance", "no mark for " + r.memberId() + " (" + r.fullName() + ")")).toList();
        if (!missing.isEmpty()) {
            throw new ProblemException(422, "attendance-incomplete", "Unprocessable request",
                    "every member of the roster is marked present, absent with a reason or absent without one; "
                            + missing.size() + " are not", missing);
        }
        List<UUID> assigned = assignments.attendeesOf(m.organizationId, m.meetingDate);
        List<UUID> superiorIds = new ArrayList<>();
        List<Commands.Guest> guests = in.guests() == null ? List.of() : in.guests();
        int position = 0;
        for (Commands.Guest g : guests) {
            boolean superior = g.memberId() != null && assigned.contains(g.memberId());
            if (superior && !superiorIds.contains(g.memberId())) {
                superiorIds.add(g.memberId());
            }
            em.createNativeQuery("INSERT INTO meeting_guest (meeting_id, position, full_name, member_id, title, superior) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, m.id).setParameter(2, position++).setParameter(3, g.fullName().trim())
                    .setParameter(4, g.memberId()).setParameter(5, g.title()).setParameter(6, superior).executeUpdate();
        }
        Attendance counts = new Attendance();
        List<MeetingEvents.Mark> memberMarks = new ArrayList<>();
        for (RosterEntry r : roster) {
            Commands.Mark mark = marks.get(r.memberId());
            em.createNativeQuery("INSERT INTO attendance (meeting_id, member_id, full_name, official, temporary, status, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, m.id).setParameter(2, r.memberId()).setParameter(3, r.fullName()).setParameter(4, r.official())
                    .setParameter(5, r.temporary()).setParameter(6, mark.status().name())
                    .setParameter(7, mark.reason() == null || mark.reason().isBlank() ? null : mark.reason().trim()).executeUpdate();
            counts.count(r.official(), mark.status());
            memberMarks.add(new MeetingEvents.Mark(r.memberId(), mark.status().name()));
        }
        // quorum: present official members ≥ numerator/denominator of the official members summoned (exempt not counted)
        m.held(counts, new Quorum(quorumNumerator, quorumDenominator));
        m.superiorExpected = !assigned.isEmpty();
        m.superiorAttended = !superiorIds.isEmpty();
        touch(m);
        MeetingEvents.Attendance attendance = new MeetingEvents.Attendance(m.expected, m.expectedOfficial, m.present,
                m.absentExcused, m.absentUnexcused, m.quorumMet, m.superiorAttended, superiorIds, memberMarks);
        events.held(m, attendance);
        for (RosterEntry r : roster) {
            if (marks.get(r.memberId()).status() == AttendanceStatus.ABSENT_UNEXCUSED) {
                events.absenceUnexcused(m, r.memberId());
            }
        }
        audit.record("meeting.held", "Meeting", m.id, m.organizationPath, null, attendance);
        return Results.MeetingView.of(m);
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
                    rows.stream().map(r -> new Results.AttendanceView((UUID) r[0], (String) r[1], (Boolean) r[2], (Boolean) r[3], (String) r[4], (String) r[5])).toList(),
                    guests.stream().map(g -> new Results.GuestView((String) g[0], (UUID) g[1], (String) g[2], (Boolean) g[3])).toList());
        }
        return new Results.AttendanceRecord(members.roster(m.organizationId, m.meetingDate).stream()
                .map(r -> new Results.AttendanceView(r.memberId(), r.fullName(), r.official(), r.temporary(), null, null)).toList(), List.of());
    }

    // ---- minutes -------------------------------------------------------------------------------------------------

    @Transactional
    public Results.MeetingView minutes(UUID id, Commands.Minutes in, String ifMatch) {
        Meeting m = keep(id);
        ETags.require(ifMatch, m.version);
        return writeMinutes(m, in);
    }

    private Results.MeetingView writeMinutes(Meeting m, Commands.Minutes in) {
        m.refuseIfFrozen();
        m.requireState(MeetingState.HELD, "minutes are written for a HELD meeting");
        Results.MeetingView before = Results.MeetingView.of(m);
        m.minutes = in.minutes();
        m.resolution = in.resolution();
        m.criticism = in.criticism();
        m.conclusions = in.conclusions();
        touch(m);
        events.state(m);
        audit.record("meeting.minutes-written", "Meeting", m.id, m.organizationPath, before.minutes(), Results.MeetingView.of(m).minutes());
        return Results.MeetingView.of(m);
    }

    @Transactional
    public Results.MeetingView approveMinutes(UUID id, String ifMatch) {
        Meeting m = keep(id);
        ETags.check(ifMatch, m.version);
        m.refuseIfFrozen();
        m.requireState(MeetingState.HELD, "minutes are approved for a HELD meeting");
        if (m.minutes == null || m.minutes.isBlank()) {
            throw ProblemException.unprocessable("minutes-missing", "write the minutes (PUT …/minutes) before approving them");
        }
        m.state = MeetingState.MINUTES_APPROVED;
        m.minutesApprovedAt = Instant.now();
        m.minutesApprovedBy = access.caller().name();
        touch(m);
        events.minutesApproved(m);
        audit.record("meeting.minutes-approved", "Meeting", m.id, m.organizationPath, null, Results.MeetingView.of(m));
        return Results.MeetingView.of(m);
    }

    // ---- quality -------------------------------------------------------------------------------------------------

    @Transactional
    public Results.MeetingView rate(UUID id, Commands.Quality in, String ifMatch) {
        Meeting m = keep(id);
        ETags.check(ifMatch, m.version);
        if (m.state != MeetingState.HELD && m.state != MeetingState.MINUTES_APPROVED) {
            throw ProblemException.conflict("invalid-state", "only a held meeting is rated; this one is " + m.state);
        }
        if (m.qualityReview != null) {
            throw ProblemException.conflict("quality-reviewed", "the superior has reviewed this rating; it no longer changes");
        }
        Map<String, Integer> config = quality.criteria();
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < in.criteria().size(); i++) {
            Commands.CriterionScore c = in.criteria().get(i);
            String code = c.code().trim().toUpperCase();
            Integer max = config.get(code);
            if (max == null) {
                throw ProblemException.unprocessable("unknown-criterion", code + " is not a criterion; the set is " + config,
                        new FieldError("criteria[" + i + "].code", "must be one of " + config.keySet()));
            }
            if (c.score() > max) {
                throw ProblemException.unprocessable("score-above-maximum", code + " is worth at most " + max + " points",
                        new FieldError("criteria[" + i + "].score", "must be at most " + max));
            }
            if (scores.put(code, c.score()) != null) {
                throw ProblemException.invalid("criteria[" + i + "].code", "is scored twice");
            }
        }
        Set<String> missing = new HashSet<>(config.keySet());
        missing.removeAll(scores.keySet());
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("criteria-incomplete", "score every criterion; missing " + missing,
                    new FieldError("criteria", "missing " + missing));
        }
        int score = scores.values().stream().mapToInt(Integer::intValue).sum();
        m.qualityScore = score;
        m.qualityLevel = quality.level(score);
        m.qualityCriteria = scores;
        m.qualityComment = in.comment();
        m.qualityRatedBy = access.caller().name();
        touch(m);
        events.qualityRated(m);
        audit.record("meeting.quality-rated", "Meeting", m.id, m.organizationPath, null, Map.of("score", score, "criteria", scores));
        return Results.MeetingView.of(m);
    }

    @Transactional
    public Results.MeetingView review(UUID id, Commands.Review in, String ifMatch) {
        Meeting m = keep(id);
        ETags.check(ifMatch, m.version);
        Scope scope = access.caller().scope();
        if (!scope.isAll() && scope.prefix().equals(m.organizationPath)) {
            throw ProblemException.forbidden("the quality rating is reviewed by the superior organization, not by the cell itself");
        }
        if (m.qualityScore == null) {
            throw ProblemException.unprocessable("not-rated", "the meeting has no quality rating to review yet");
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("agreed", in.agreed());
        review.put("comment", in.comment());
        review.put("reviewedBy", access.caller().name());
        review.put("reviewedAt", Instant.now().toString());
        m.qualityReview = review;
        touch(m);
        events.state(m);
        audit.record("meeting.quality-reviewed", "Meeting", m.id, m.organizationPath, null, review);
        return Results.MeetingView.of(m);
    }

    // ---- comments ------------------------------------------------------------------------------------------------

    @Transactional
    public Results.CommentView comment(UUID id, Commands.Comment in) {
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
        return new Results.CommentView(commentId.longValue(), in.agendaItemId(), self, access.caller().name(), in.text().trim(), now);
    }

    /** Keepers and readers of the subtree see every comment; a member of the organization sees their own. */
    @Transactional
    public Page<Results.CommentView> comments(UUID id, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Meeting m = readable(id);
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
        return Cursor.page(rows, n, r -> new Results.CommentView(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2], (String) r[3],
                (String) r[4], instant(r[5])), r -> r[0].toString());
    }

    // ---- reading -------------------------------------------------------------------------------------------------

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
        String org = "";
        String path = null;
        if (f.organizationId() != null) {
            OrgRef o = access.organizationInScope(f.organizationId(), "organizationId");
            path = o.path;
            org = f.includeDescendants() ? " AND " + vn.grassroots.common.security.Subtree.condition("m.organizationPath", "org")
                    : " AND m.organizationId = :orgId";
        }
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
        TypedQuery<UUID> query = em.createQuery(q.toString(), UUID.class).setMaxResults(n + 1);
        scope.bind(query::setParameter, "scope");
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
            query.setParameter("afterStart", instantKey(after[0]));
            query.setParameter("afterId", uuidKey(after[1]));
        }
        return summaries(query.getResultList(), n);
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
            query.setParameter("afterStart", instantKey(after[0]));
            query.setParameter("afterId", uuidKey(after[1]));
        }
        return summaries(query.getResultList(), n);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A meeting the caller keeps (keeper role, in their subtree), locked for the change. */
    private Meeting keep(UUID id) {
        access.caller().requireRole(Access.KEEPERS);
        Meeting m = em.find(Meeting.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("meeting", id);
        }
        access.caller().requireInScope(m.organizationPath, m.organizationId);
        return m;
    }

    private static void notInPast(Meeting m) {
        if (!m.startsAt.isAfter(Instant.now())) {
            throw ProblemException.unprocessable("meeting-in-past", "a meeting is published ahead of time; it starts at " + m.startsAt,
                    new FieldError("startsAt", "must be in the future to publish"));
        }
    }

    private static void touch(Meeting m) {
        m.version++;
        m.updatedAt = Instant.now();
    }

    private static void apply(Meeting m, Commands.MeetingInput in) {
        if (in.format() != MeetingFormat.IN_PERSON && (in.onlineLink() == null || in.onlineLink().isBlank())) {
            throw ProblemException.invalid("onlineLink", "is required for an " + in.format() + " meeting");
        }
        if (in.format() != MeetingFormat.ONLINE && (in.place() == null || in.place().isBlank())) {
            throw ProblemException.invalid("place", "is required for an " + in.format() + " meeting");
        }
        m.kind = in.kind();
        m.format = in.format();
        m.startsAt = in.startsAt().toInstant();
        m.meetingDate = VietnamClock.dateOf(m.startsAt);
        m.place = blankToNull(in.place());
        m.onlineLink = in.format() == MeetingFormat.IN_PERSON ? null : in.onlineLink();
        m.topic = in.topic().trim();
        Map<UUID, AgendaItem> existing = new HashMap<>();
        m.agenda.forEach(i -> existing.put(i.id, i));
        List<AgendaItem> agenda = new ArrayList<>();
        List<Commands.AgendaItemInput> items = in.agenda() == null ? List.of() : in.agenda();
        for (int i = 0; i < items.size(); i++) {
            Commands.AgendaItemInput a = items.get(i);
            if (a.id() != null && !existing.containsKey(a.id())) {
                throw ProblemException.unprocessable("unknown-agenda-item", "the meeting has no agenda item " + a.id(),
                        new FieldError("agenda[" + i + "].id", "is not an item of this meeting; leave it out for a new item"));
            }
            agenda.add(new AgendaItem(a.id() != null ? a.id() : UUID.randomUUID(), a.title().trim(), blankToNull(a.description())));
        }
        m.agenda.clear();
        m.agenda.addAll(agenda);
        m.documents = in.documents() == null ? new ArrayList<>()
                : new ArrayList<>(in.documents().stream().map(d -> new Meeting.Document(d.title().trim(), d.url())).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Instant instant(Object v) {
        return v instanceof java.time.OffsetDateTime o ? o.toInstant() : v instanceof Instant i ? i : ((java.sql.Timestamp) v).toInstant();
    }

    private static Instant instantKey(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    private static UUID uuidKey(String s) {
        try {
            return UUID.fromString(s);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }
}
