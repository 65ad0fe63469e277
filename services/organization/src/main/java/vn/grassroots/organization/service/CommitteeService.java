package vn.grassroots.organization.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.organization.domain.Committee;
import vn.grassroots.organization.domain.CommitteePosition;
import vn.grassroots.organization.domain.Organization;
import vn.grassroots.organization.domain.Position;
import vn.grassroots.organization.domain.Records;
import vn.grassroots.organization.domain.WorkingRegulation;
import vn.grassroots.organization.events.OrganizationEvents;
import vn.grassroots.organization.repository.CommitteePositionRepository;
import vn.grassroots.organization.repository.CommitteeRepository;
import vn.grassroots.organization.repository.OrganizationRepository;
import vn.grassroots.organization.repository.WorkingRegulationRepository;

/** Committees and terms (cấp ủy, nhiệm kỳ), their seats, and working regulations of an organization. */
@ApplicationScoped
public class CommitteeService {
    /** Secretaries keep their own organization's committee and records, besides the structure writers. */
    public static final String[] RECORD_KEEPERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY};
    private static final int MAX_TERM_YEARS = 10;

    private final OrganizationRepository orgs;
    private final CommitteeRepository committees;
    private final CommitteePositionRepository positions;
    private final WorkingRegulationRepository regulations;
    private final Caller caller;
    private final AuditTrail audit;
    private final OrganizationEvents events;

    public CommitteeService(OrganizationRepository orgs, CommitteeRepository committees,
            CommitteePositionRepository positions, WorkingRegulationRepository regulations, Caller caller,
            AuditTrail audit, OrganizationEvents events) {
        this.orgs = orgs;
        this.committees = committees;
        this.positions = positions;
        this.regulations = regulations;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public List<Records.CommitteeRecord> list(UUID organizationId) {
        organization(organizationId, OrganizationService.READERS);
        return committees.ofOrganization(organizationId).stream().map(this::record).toList();
    }

    @Transactional
    public Records.CommitteeRecord get(UUID organizationId, UUID committeeId) {
        organization(organizationId, OrganizationService.READERS);
        return record(committee(organizationId, committeeId));
    }

    @Transactional
    public Records.CommitteeRecord create(UUID organizationId, Commands.CreateCommittee r) {
        Organization org = activeOrganization(organizationId);
        int start = Integer.parseInt(r.term().substring(0, 4));
        int end = Integer.parseInt(r.term().substring(5));
        if (end <= start || end - start > MAX_TERM_YEARS) {
            throw ProblemException.unprocessable("invalid-term", "a term runs from one year to a later one, at most "
                    + MAX_TERM_YEARS + " years", new FieldError("term", "must be like 2025-2030"));
        }
        if (committees.termExists(organizationId, r.term())) {
            throw ProblemException.conflict("committee-exists", org.name + " already has a committee for " + r.term());
        }
        Committee c = new Committee();
        c.id = UUID.randomUUID();
        c.organizationId = organizationId;
        c.term = r.term();
        c.startYear = start;
        c.endYear = end;
        c.electedOn = r.electedOn();
        c.decisionNumber = r.decision() == null ? null : r.decision().number();
        c.decisionDate = r.decision() == null ? null : r.decision().date();
        c.createdAt = Instant.now();
        committees.persist(c);
        committees.flush();
        Records.CommitteeRecord formed = record(c);
        audit.record("committee.formed", "Committee", c.id, org.path, null, formed);
        events.committeeFormed(formed);
        return formed;
    }

    @Transactional
    public Records.CommitteeRecord assign(UUID organizationId, UUID committeeId, Commands.AssignPosition r) {
        Organization org = activeOrganization(organizationId);
        Committee c = committee(organizationId, committeeId);
        if (r.since().getYear() < c.startYear || r.since().getYear() > c.endYear) {
            throw ProblemException.unprocessable("outside-term", "the seat must start within the term " + c.term,
                    new FieldError("since", "outside " + c.term));
        }
        if (r.position() == Position.SECRETARY && positions.sitting(c.id, Position.SECRETARY)) {
            throw ProblemException.conflict("secretary-seat-taken", "the committee already has a sitting secretary; end that seat first");
        }
        if (positions.memberSitting(c.id, r.memberId())) {
            throw ProblemException.conflict("already-seated", "member " + r.memberId() + " already holds a seat in this committee");
        }
        Records.CommitteeRecord before = record(c);
        CommitteePosition p = new CommitteePosition();
        p.id = UUID.randomUUID();
        p.committeeId = c.id;
        p.memberId = r.memberId();
        p.memberName = r.memberName();
        p.position = r.position();
        p.concurrentRoles = r.concurrentRoles() == null || r.concurrentRoles().isEmpty() ? null
                : String.join("\n", r.concurrentRoles().stream().map(String::trim).toList());
        p.since = r.since();
        p.createdAt = Instant.now();
        positions.persist(p);
        touch(c);
        Records.CommitteeRecord after = record(c);
        audit.record("committee.position-assigned", "Committee", c.id, org.path, before, after);
        events.positionAssigned(after, positionRecord(p));
        return after;
    }

    @Transactional
    public Records.CommitteeRecord end(UUID organizationId, UUID committeeId, UUID positionId, Commands.EndPosition r) {
        Organization org = activeOrganization(organizationId);
        Committee c = committee(organizationId, committeeId);
        CommitteePosition p = positions.findByIdOptional(positionId).filter(x -> x.committeeId.equals(c.id))
                .orElseThrow(() -> ProblemException.notFound("position", positionId));
        if (p.until != null) {
            throw ProblemException.conflict("position-ended", "this seat already ended on " + p.until);
        }
        if (r.until().isBefore(p.since)) {
            throw ProblemException.unprocessable("invalid-date", "a seat cannot end before it began (" + p.since + ")",
                    new FieldError("until", "before since"));
        }
        Records.CommitteeRecord before = record(c);
        p.until = r.until();
        p.endReason = r.reason();
        touch(c);
        Records.CommitteeRecord after = record(c);
        audit.record("committee.position-ended", "Committee", c.id, org.path, before, after);
        events.positionEnded(after, positionRecord(p));
        return after;
    }

    @Transactional
    public List<Records.RegulationRecord> regulations(UUID organizationId) {
        organization(organizationId, OrganizationService.READERS);
        return regulations.ofOrganization(organizationId).stream().map(CommitteeService::regulationRecord).toList();
    }

    @Transactional
    public Records.RegulationRecord issueRegulation(UUID organizationId, Commands.CreateRegulation r) {
        Organization org = activeOrganization(organizationId);
        if (regulations.numberExists(organizationId, r.documentNumber())) {
            throw ProblemException.conflict("regulation-exists", org.name + " already has a document numbered " + r.documentNumber());
        }
        WorkingRegulation w = new WorkingRegulation();
        w.id = UUID.randomUUID();
        w.organizationId = organizationId;
        w.documentNumber = r.documentNumber().trim();
        w.issuedOn = r.issuedOn();
        w.title = r.title().trim();
        w.term = r.term();
        w.createdAt = Instant.now();
        regulations.persist(w);
        Records.RegulationRecord issued = regulationRecord(w);
        audit.record("organization.regulation-issued", "WorkingRegulation", w.id, org.path, null, issued);
        events.regulationIssued(orgs.view(organizationId), issued);
        return issued;
    }

    private Organization organization(UUID id, String... roles) {
        caller.requireRole(roles);
        Organization o = orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("organization", id));
        caller.requireInScope(o.path, id);
        return o;
    }

    private Organization activeOrganization(UUID id) {
        Organization o = organization(id, RECORD_KEEPERS);
        if (!o.isActive()) {
            throw ProblemException.conflict("organization-inactive", o.name + " is " + o.status + " and can no longer change");
        }
        return o;
    }

    private Committee committee(UUID organizationId, UUID committeeId) {
        return committees.findByIdOptional(committeeId).filter(c -> c.organizationId.equals(organizationId))
                .orElseThrow(() -> ProblemException.notFound("committee", committeeId));
    }

    /** A seat change is a change of the committee: its version moves, so ETags and state records follow. */
    private void touch(Committee c) {
        committees.getEntityManager().lock(c, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        committees.flush();
    }

    private Records.CommitteeRecord record(Committee c) {
        var decision = c.decisionNumber == null ? null : new vn.grassroots.organization.domain.Decision(c.decisionNumber, c.decisionDate);
        return new Records.CommitteeRecord(c.id, c.organizationId, c.term, c.startYear, c.endYear, c.electedOn, decision,
                positions.ofCommittee(c.id).stream().map(CommitteeService::positionRecord).toList(), c.version);
    }

    private static Records.PositionRecord positionRecord(CommitteePosition p) {
        List<String> roles = p.concurrentRoles == null ? List.of() : Arrays.asList(p.concurrentRoles.split("\n"));
        return new Records.PositionRecord(p.id, p.memberId, p.memberName, p.position, roles, p.since, p.until, p.endReason);
    }

    private static Records.RegulationRecord regulationRecord(WorkingRegulation w) {
        return new Records.RegulationRecord(w.id, w.organizationId, w.documentNumber, w.issuedOn, w.title, w.term);
    }
}
