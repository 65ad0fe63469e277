package vn.grassroots.meetings.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.web.ETags;
import vn.grassroots.meetings.domain.AgendaItem;
import vn.grassroots.meetings.domain.Meeting;
import vn.grassroots.meetings.domain.MeetingFormat;
import vn.grassroots.meetings.domain.MeetingState;
import vn.grassroots.meetings.events.MeetingEvents;

/** Meetings and their state machine: DRAFT → PUBLISHED → HELD → MINUTES_APPROVED, or CANCELLED with a reason. */
@ApplicationScoped
public class MeetingService {
    private final VietnamClock clock;
    private final EntityManager em;
    private final Access access;
    private final MeetingQueries queries;
    private final MeetingHolding holding;
    private final MeetingEvents events;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public MeetingService(VietnamClock clock, EntityManager em, Access access, MeetingQueries queries,
            MeetingHolding holding, MeetingEvents events, AuditTrail audit, ObjectMapper json) {
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.queries = queries;
        this.holding = holding;
        this.events = events;
        this.audit = audit;
        this.json = json;
    }

    // ---- scheduling ----------------------------------------------------------------------------------------------

    @Transactional
    public Results.MeetingDetails create(Commands.MeetingInput in) {
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
        audit.record("meeting.scheduled", "Meeting", m.id, m.organizationPath, null, Results.MeetingDetails.of(m));
        return Results.MeetingDetails.of(m);
    }

    @Transactional
    public Results.MeetingDetails update(UUID id, Commands.MeetingInput in, String ifMatch) {
        Meeting m = queries.forChange(id);
        ETags.require(ifMatch, m.version);
        m.refuseIfNotEditable();
        if (!m.organizationId.equals(in.organizationId())) {
            throw ProblemException.unprocessable("organization-fixed", "a meeting stays with its organization; cancel it and schedule another",
                    new FieldError("organizationId", "cannot change"));
        }
        Results.MeetingDetails before = Results.MeetingDetails.of(m);
        apply(m, in);
        if (m.state == MeetingState.PUBLISHED) {
            notInPast(m);
        }
        m.touch(Instant.now());
        events.state(m);
        audit.record("meeting.updated", "Meeting", m.id, m.organizationPath, before, Results.MeetingDetails.of(m));
        return Results.MeetingDetails.of(m);
    }

    @Transactional
    public Results.MeetingDetails publish(UUID id, String ifMatch) {
        Meeting m = queries.forChange(id);
        ETags.check(ifMatch, m.version);
        m.requireState(MeetingState.DRAFT, "only a DRAFT meeting is published");
        notInPast(m);
        if (m.agenda.isEmpty()) {
            throw ProblemException.unprocessable("agenda-empty", "publish the agenda with the meeting: it has no agenda item",
                    new FieldError("agenda", "must not be empty"));
        }
        m.state = MeetingState.PUBLISHED;
        m.touch(Instant.now());
        events.published(m);
        audit.record("meeting.published", "Meeting", m.id, m.organizationPath, null, Results.MeetingDetails.of(m));
        return Results.MeetingDetails.of(m);
    }

    @Transactional
    public Results.MeetingDetails cancel(UUID id, Commands.Cancel in, String ifMatch) {
        Meeting m = queries.forChange(id);
        ETags.check(ifMatch, m.version);
        m.requireCancellable();
        m.state = MeetingState.CANCELLED;
        m.cancelReason = in.reason().trim();
        m.touch(Instant.now());
        events.cancelled(m);
        audit.record("meeting.cancelled", "Meeting", m.id, m.organizationPath, null, Results.MeetingDetails.of(m));
        return Results.MeetingDetails.of(m);
    }

    // ---- attendance ----------------------------------------------------------------------------------------------

    /**
     * A meeting that took place, recorded after the fact in one call: scheduled, held with its attendance and, when given,
     * its minutes, in one transaction and with the events and audit entries of the usual steps. Its attendance counts like
     * a live one (absences, compliance); the meeting says who entered it, when, and that it was late.
     */
    @Transactional
    public Results.MeetingDetails recordPast(Commands.PastMeeting in) {
        if (in.meeting().startsAt().toInstant().isAfter(Instant.now())) {
            throw ProblemException.unprocessable("meeting-not-yet-held", "a meeting recorded after the fact has taken place: "
                    + in.meeting().startsAt() + " is ahead", new FieldError("meeting.startsAt", "must be in the past"));
        }
        Results.MeetingDetails scheduled = create(in.meeting());
        Results.MeetingDetails held = holding.hold(scheduled.id(), new Commands.Hold(in.attendance(), in.guests()), null);
        return in.minutes() == null ? held : writeMinutes(queries.forChange(held.id()), in.minutes());
    }

    // ---- minutes -------------------------------------------------------------------------------------------------

    @Transactional
    public Results.MeetingDetails minutes(UUID id, Commands.Minutes in, String ifMatch) {
        Meeting m = queries.forChange(id);
        ETags.require(ifMatch, m.version);
        return writeMinutes(m, in);
    }

    private Results.MeetingDetails writeMinutes(Meeting m, Commands.Minutes in) {
        m.refuseIfFrozen();
        m.requireState(MeetingState.HELD, "minutes are written for a HELD meeting");
        Results.MeetingDetails before = Results.MeetingDetails.of(m);
        m.minutes = in.minutes();
        m.resolution = in.resolution();
        m.criticism = in.criticism();
        m.conclusions = in.conclusions();
        m.touch(Instant.now());
        events.state(m);
        audit.record("meeting.minutes-written", "Meeting", m.id, m.organizationPath, before.minutes(), Results.MeetingDetails.of(m).minutes());
        return Results.MeetingDetails.of(m);
    }

    @Transactional
    public Results.MeetingDetails approveMinutes(UUID id, String ifMatch) {
        Meeting m = queries.forChange(id);
        ETags.check(ifMatch, m.version);
        m.refuseIfFrozen();
        m.requireState(MeetingState.HELD, "minutes are approved for a HELD meeting");
        if (m.minutes == null || m.minutes.isBlank()) {
            throw ProblemException.unprocessable("minutes-missing", "write the minutes (PUT …/minutes) before approving them");
        }
        m.state = MeetingState.MINUTES_APPROVED;
        m.minutesApprovedAt = Instant.now();
        m.minutesApprovedBy = access.caller().name();
        m.touch(Instant.now());
        events.minutesApproved(m);
        audit.record("meeting.minutes-approved", "Meeting", m.id, m.organizationPath, null, Results.MeetingDetails.of(m));
        return Results.MeetingDetails.of(m);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static void notInPast(Meeting m) {
        if (!m.startsAt.isAfter(Instant.now())) {
            throw ProblemException.unprocessable("meeting-in-past", "a meeting is published ahead of time; it starts at " + m.startsAt,
                    new FieldError("startsAt", "must be in the future to publish"));
        }
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

}
