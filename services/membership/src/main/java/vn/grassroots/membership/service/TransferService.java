package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.membership.domain.Decision;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.Transfer;
import vn.grassroots.membership.events.MemberEvents;

/**
 * Transfers (chuyển sinh hoạt đảng). The sending side (admin, organizer, integration with the member in scope) issues
 * it; the receiving side (the same roles or the secretary, with the receiving organization in scope) accepts it.
 * The receiving organization need not be in the sender's scope, but must be an ACTIVE cell or party group.
 */
@ApplicationScoped
public class TransferService {
    private static final String ENTITY = "Transfer";

    private final VietnamClock clock;
    private final EntityManager em;
    private final Access access;
    private final OrgRefs orgs;
    private final AuditTrail audit;
    private final MemberEvents events;

    public TransferService(VietnamClock clock, EntityManager em, Access access, OrgRefs orgs, AuditTrail audit,
            MemberEvents events) {
        this.clock = clock;
        this.em = em;
        this.access = access;
        this.orgs = orgs;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public Results.TransferState issue(Commands.IssueTransfer r) {
        access.caller().requireRole(Access.DECIDERS);
        Member m = em.find(Member.class, r.memberId(), LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.unprocessable("unknown-member", "member " + r.memberId() + " does not exist",
                    new FieldError("memberId", "is not a known member"));
        }
        OrgRef from = orgs.findById(m.organizationId);
        access.caller().requireInScope(from == null ? null : from.path, m.organizationId);
        requireTransferable(m);
        OrgRef to = receivingOrganization(r, m);
        requireValidPeriod(r);
        Transfer t = newTransfer(r, m, to);
        em.persist(t);
        if (t.kind == Transfer.Kind.OFFICIAL) {
            m.inTransitTransferId = t.id;
            m.updatedAt = Instant.now();
        }
        em.flush();
        Results.TransferState state = state(t, m, from, to);
        audit.record("transfer.issued", ENTITY, t.id, from == null ? null : from.path, null, state);
        return state;
    }

    /** Only an active member not already in transit is transferred. */
    private static void requireTransferable(Member m) {
        if (!m.status.isActiveMember()) {
            throw ProblemException.conflict("member-not-active", "a " + m.status + " member is not transferred");
        }
        if (m.inTransitTransferId != null) {
            throw ProblemException.conflict("already-in-transit", "the member is already in transit (transfer " + m.inTransitTransferId + ")");
        }
    }

    /** The active cell or party group the member goes to, other than their own. */
    private OrgRef receivingOrganization(Commands.IssueTransfer r, Member m) {
        OrgRef to = orgs.findByIdOptional(r.toOrganizationId()).orElseThrow(() -> ProblemException.notKnownHere("organization", r.toOrganizationId(), "membership", "toOrganizationId"));
        if (!to.holdsMembers()) {
            throw ProblemException.unprocessable("not-a-cell", to.name + " is a " + to.type + "; members go to a cell or party group",
                    new FieldError("toOrganizationId", "must be a cell or party group"));
        }
        if (!to.isActive()) {
            throw ProblemException.unprocessable("organization-not-active", to.name + " is " + to.status + " and receives nobody",
                    new FieldError("toOrganizationId", "must be an ACTIVE organization"));
        }
        if (to.id.equals(m.organizationId)) {
            throw ProblemException.unprocessable("same-organization", "the member is already active in " + to.name,
                    new FieldError("toOrganizationId", "is the member's own organization"));
        }
        return to;
    }

    /** A TEMPORARY transfer has an end date after issuedOn; an OFFICIAL one has none. */
    private static void requireValidPeriod(Commands.IssueTransfer r) {
        if (r.kind() == Transfer.Kind.TEMPORARY && (r.endDate() == null || !r.endDate().isAfter(r.issuedOn()))) {
            throw ProblemException.invalid("endDate", "is required for a TEMPORARY transfer and must follow issuedOn");
        }
        if (r.kind() == Transfer.Kind.OFFICIAL && r.endDate() != null) {
            throw ProblemException.invalid("endDate", "is only for TEMPORARY transfers");
        }
    }

    private Transfer newTransfer(Commands.IssueTransfer r, Member m, OrgRef to) {
        Transfer t = new Transfer();
        t.id = UUID.randomUUID();
        t.memberId = m.id;
        t.kind = r.kind();
        t.fromOrganizationId = m.organizationId;
        t.toOrganizationId = to.id;
        t.letterNumber = r.introductionLetterNumber().trim();
        t.issuedOn = r.issuedOn();
        t.endDate = r.endDate();
        t.reason = r.reason();
        t.status = Transfer.Status.PENDING;
        t.issuedBy = access.caller().name();
        t.createdAt = t.updatedAt = Instant.now();
        return t;
    }

    @Transactional
    public Results.TransferState accept(UUID id, String ifMatch, Commands.AcceptTransfer r) {
        access.caller().requireRole(Access.CELL_KEEPERS);
        Transfer t = em.find(Transfer.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            throw ProblemException.notFound("transfer", id);
        }
        OrgRef to = orgs.findById(t.toOrganizationId);
        access.caller().requireInScope(to == null ? null : to.path, t.toOrganizationId);
        vn.grassroots.common.web.ETags.check(ifMatch, t.version);
        if (t.status != Transfer.Status.PENDING) {
            throw ProblemException.conflict("transfer-not-pending", "the transfer is " + t.status);
        }
        if (to == null || !to.isActive()) {
            throw ProblemException.conflict("organization-not-active", "the receiving organization is no longer active; the sending side issues a new transfer");
        }
        if (r.acceptedOn().isBefore(t.issuedOn)) {
            throw ProblemException.unprocessable("accepted-before-issued", "a transfer is accepted after it is issued (" + t.issuedOn + ")",
                    new FieldError("acceptedOn", "must not be before " + t.issuedOn));
        }
        Member m = em.find(Member.class, t.memberId, LockModeType.PESSIMISTIC_WRITE);
        OrgRef from = orgs.findById(t.fromOrganizationId);
        Results.TransferState before = state(t, m, from, to);
        t.status = Transfer.Status.ACCEPTED;
        t.acceptedOn = r.acceptedOn();
        t.acceptedBy = access.caller().name();
        t.updatedAt = Instant.now();
        if (t.kind == Transfer.Kind.OFFICIAL) {
            m.organizationId = to.id;
            m.inTransitTransferId = null;
            m.updatedAt = Instant.now();
        }
        em.flush();
        Results.TransferState after = state(t, m, from, to);
        audit.record("transfer.accepted", ENTITY, t.id, to.path, before, after);
        // a temporary transfer leaves the member's own cell as it is; the event carries the new host in member.temporaryHosts
        events.member(MemberEvents.TRANSFERRED, m, new MemberEvents.Transferred(t.kind.name(), t.fromOrganizationId,
                t.toOrganizationId, t.endDate, t.reason, new Decision(t.letterNumber, t.issuedOn)));
        return after;
    }

    @Transactional
    public Results.TransferState get(UUID id) {
        access.caller().requireRole(Access.SUBTREE_READERS);
        Transfer t = em.find(Transfer.class, id);
        if (t == null) {
            throw ProblemException.notFound("transfer", id);
        }
        OrgRef from = orgs.findById(t.fromOrganizationId);
        OrgRef to = orgs.findById(t.toOrganizationId);
        Scope scope = access.caller().scope();
        if (!(from != null && scope.contains(from.path)) && !(to != null && scope.contains(to.path))) {
            throw ProblemException.outOfScope();
        }
        return state(t, em.find(Member.class, t.memberId), from, to);
    }

    /** Transfers arriving in ({@code incoming}) or leaving ({@code outgoing}) the caller's subtree. */
    @Transactional
    public Page<Results.TransferState> list(boolean incoming, List<Transfer.Status> statuses, String cursor, int limit) {
        access.caller().requireRole(Access.SUBTREE_READERS);
        Scope scope = access.caller().scope();
        StringBuilder q = new StringBuilder("select t from Transfer t, OrgRef o where o.id = ")
                .append(incoming ? "t.toOrganizationId" : "t.fromOrganizationId");
        Map<String, Object> p = new HashMap<>();
        if (!scope.isAll()) {
            q.append(" and ").append(Subtree.condition("o.path", "scope"));
            scope.bind(p::put, "scope");
        }
        if (statuses != null && !statuses.isEmpty()) {
            q.append(" and t.status in (:statuses)");
            p.put("statuses", statuses);
        }
        String[] after = Cursor.decode(cursor, 2);
        if (after != null) {
            q.append(" and (t.createdAt > :at or (t.createdAt = :at and t.id > :aid))");
            p.put("at", Cursor.instant(after[0]));
            p.put("aid", Cursor.id(after[1]));
        }
        q.append(" order by t.createdAt, t.id");
        var query = em.createQuery(q.toString(), Transfer.class);
        p.forEach(query::setParameter);
        query.setMaxResults(limit + 1);
        List<Transfer> rows = query.getResultList();
        return Cursor.page(rows, limit, t -> state(t, em.find(Member.class, t.memberId), orgs.findById(t.fromOrganizationId),
                orgs.findById(t.toOrganizationId)), t -> Cursor.encode(t.createdAt.toString(), t.id.toString()));
    }

    private Results.TransferState state(Transfer t, Member m, OrgRef from, OrgRef to) {
        boolean activeInHost = t.kind == Transfer.Kind.TEMPORARY && t.status == Transfer.Status.ACCEPTED
                && !clock.today().isAfter(t.endDate);
        return new Results.TransferState(t.id, t.memberId, m == null ? null : m.fullName, t.kind, t.fromOrganizationId,
                from == null ? null : from.name, t.toOrganizationId, to == null ? null : to.name, t.letterNumber, t.issuedOn,
                t.endDate, t.reason, t.status, t.acceptedOn, t.issuedBy, t.acceptedBy, activeInHost, t.version);
    }
}
