package vn.grassroots.assignments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.grassroots.assignments.domain.Assignment;
import vn.grassroots.assignments.domain.Enums.TargetType;
import vn.grassroots.assignments.domain.Household;
import vn.grassroots.assignments.domain.Level;
import vn.grassroots.assignments.events.DomainEvents;
import vn.grassroots.assignments.repository.MemberReadModel;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;

/** Monitoring assignments (phân công theo dõi): creation, ending by hand or when the person or organization goes. */
@ApplicationScoped
public class AssignmentService {
    private final EntityManager em;
    private final Access access;
    private final MemberReadModel members;
    private final DomainEvents events;
    private final AuditTrail audit;
    private final VietnamClock clock;
    private final CoverageDay coverageDay;

    public AssignmentService(EntityManager em, Access access, MemberReadModel members, DomainEvents events,
            AuditTrail audit, VietnamClock clock, CoverageDay coverageDay) {
        this.em = em;
        this.access = access;
        this.members = members;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.coverageDay = coverageDay;
    }

    @Transactional
    public Results.AssignmentResult create(Commands.CreateAssignment r) {
        access.requireWriter();
        OrgRef targetOrg = targetOrganization(r);
        Assignment.requireRoleFitsTarget(r.role(), r.targetType(), targetOrg.isCell());
        OrgRef deciding = access.activeOrganizationInScope(r.decidingOrganizationId(), "decidingOrganizationId");
        if (!deciding.contains(targetOrg)) {
            throw ProblemException.unprocessable("deciding-organization-not-above",
                    "the deciding organization must be the target organization or one of its ancestors",
                    new FieldError("decidingOrganizationId", "is not the target's organization or above it"));
        }
        requireActivePerson(r.personId());
        Assignment.requireValidPeriod(r.validFrom(), r.validTo());
        requireNoActiveDuplicate(r);
        Assignment a = newAssignment(r, targetOrg, deciding);
        a.persist();
        events.assignment(DomainEvents.ASSIGNMENT_CREATED, a.id);
        Results.AssignmentResult after = Results.AssignmentResult.of(a);
        audit.record("assignment.created", "Assignment", a.id, targetOrg.path, null, after);
        return after;
    }

    /** The same person, target and role may hold only one active assignment. */
    private void requireNoActiveDuplicate(Commands.CreateAssignment r) {
        boolean duplicate = !em.createNativeQuery("""
                SELECT 1 FROM assignment WHERE person_id = ?1 AND target_id = ?2 AND role = ?3 AND status = 'ACTIVE'""")
                .setParameter(1, r.personId()).setParameter(2, r.targetId()).setParameter(3, r.role().name())
                .getResultList().isEmpty();
        if (duplicate) {
            throw ProblemException.conflict("duplicate-assignment", "this person already has this role on this target");
        }
    }

    private static Assignment newAssignment(Commands.CreateAssignment r, OrgRef targetOrg, OrgRef deciding) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.personId = r.personId();
        a.targetType = r.targetType().name();
        a.targetId = r.targetId();
        a.organizationId = targetOrg.id;
        a.decidingOrganizationId = deciding.id;
        a.level = Level.decidedBy(deciding).name();
        a.role = r.role().name();
        a.validFrom = r.validFrom();
        a.validTo = r.validTo();
        if (r.decision() != null) {
            a.decisionNumber = r.decision().number();
            a.decisionDate = r.decision().date();
        }
        a.note = r.note();
        a.status = "ACTIVE";
        a.createdAt = a.updatedAt = Instant.now();
        a.version = 1;
        return a;
    }

    /** The active organization in scope that the target is, or that the target household lives in. */
    private OrgRef targetOrganization(Commands.CreateAssignment r) {
        if (r.targetType() == TargetType.ORGANIZATION) {
            return access.activeOrganizationInScope(r.targetId(), "targetId");
        } else {
            Household h = Household.findById(r.targetId());
            if (h == null) {
                throw ProblemException.unprocessable("unknown-household", "household " + r.targetId() + " does not exist",
                        new FieldError("targetId", "is not a known household"));
            }
            return access.activeOrganizationInScope(h.organizationId, "targetId");
        }
    }

    /** Only an active member (PROBATIONARY or OFFICIAL) known here is assigned. */
    private void requireActivePerson(UUID personId) {
        ActiveMembers.require(members, personId,
                () -> ProblemException.notKnownHere("member", personId, "assignments", "personId"),
                "personId", "is not an active member (PROBATIONARY or OFFICIAL)");
    }

    @Transactional
    public Results.AssignmentResult end(UUID id, Commands.EndAssignment r, String ifMatch) {
        access.requireWriter();
        Assignment a = Assignment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("assignment", id);
        }
        OrgRef org = access.owningOrganization(a.organizationId);
        vn.grassroots.common.web.ETags.check(ifMatch, a.version);
        Results.AssignmentResult before = Results.AssignmentResult.of(a);
        a.end(r.reason(), r.endedOn(), clock.today(), Instant.now());
        events.assignment(DomainEvents.ASSIGNMENT_ENDED, a.id);
        Results.AssignmentResult after = Results.AssignmentResult.of(a);
        audit.record("assignment.ended", "Assignment", a.id, org.path, before, after);
        return after;
    }

    @Transactional
    public Results.AssignmentResult get(UUID id) {
        access.requireReader();
        Assignment a = Assignment.findById(id);
        if (a == null) {
            throw ProblemException.notFound("assignment", id);
        }
        access.owningOrganization(a.organizationId);
        return Results.AssignmentResult.of(a);
    }

    @Transactional
    public Page<Results.AssignmentResult> list(UUID organizationId, UUID personId, UUID targetId, String status, String role,
            String cursor, Integer limit) {
        access.requireReader();
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        Map<String, Object> filters = new HashMap<>();
        filters.put("person", personId);
        filters.put("target", targetId);
        filters.put("status", status);
        filters.put("role", role);
        List<Assignment> rows = ScopedLists.rows(em, access, organizationId, """
                SELECT a.* FROM assignment a JOIN org_ref o ON o.id = a.organization_id
                WHERE %s AND %s
                  AND (cast(:person AS uuid) IS NULL OR a.person_id = cast(:person AS uuid))
                  AND (cast(:target AS uuid) IS NULL OR a.target_id = cast(:target AS uuid))
                  AND (cast(:status AS text) IS NULL OR a.status = cast(:status AS text))
                  AND (cast(:role AS text) IS NULL OR a.role = cast(:role AS text))
                  AND (cast(:after AS uuid) IS NULL OR a.id > cast(:after AS uuid))
                ORDER BY a.id LIMIT :limit""", Assignment.class, filters, after, n);
        return Cursor.page(rows, n, Results.AssignmentResult::of, a -> Cursor.encode(a.id.toString()));
    }

    /**
     * Ends every active assignment of a person who left the Party's work, with that reason. Called by the member
     * consumer in its transaction; publishes one ended event per assignment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endForPerson(UUID personId, String reason) {
        return endWhere("person_id = :key AND status = 'ACTIVE'", personId, reason);
    }

    /** Ends every active assignment on a dissolved or merged organization (or on a household of it), with that reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endForOrganization(UUID organizationId, String reason) {
        return endWhere("organization_id = :key AND status = 'ACTIVE'", organizationId, reason);
    }

    private int endWhere(String condition, UUID key, String reason) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM assignment WHERE " + condition + " ORDER BY id FOR UPDATE")
                .setParameter("key", key).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        String array = ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("""
                UPDATE assignment SET status = 'ENDED', end_reason = :reason, ended_on = greatest(:today, valid_from),
                    updated_at = now(), version = version + 1
                WHERE id = ANY(cast(:ids AS uuid[]))""")
                .setParameter("reason", reason).setParameter("today", clock.today()).setParameter("ids", array)
                .executeUpdate();
        return events.assignments(DomainEvents.ASSIGNMENT_ENDED, "p.id = ANY(cast(:ids AS uuid[]))", Map.of("ids", array));
    }
}
