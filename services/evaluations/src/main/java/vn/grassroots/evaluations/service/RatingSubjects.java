package vn.grassroots.evaluations.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.evaluations.domain.Inputs;
import vn.grassroots.evaluations.domain.RatingWorkflow;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.repository.InputsReadModel;
import vn.grassroots.evaluations.service.CycleService.Cycle;

/** Who is rated where, who may read or decide their rating, and the platform's figures shown beside it. */
@ApplicationScoped
public class RatingSubjects {
    private static final List<String> RATED_MEMBER_STATUSES = List.of("PROBATIONARY", "OFFICIAL", "EXEMPT");

    private final Caller caller;
    private final OrgRefs orgs;
    private final InputsReadModel inputs;

    public RatingSubjects(Caller caller, OrgRefs orgs, InputsReadModel inputs) {
        this.caller = caller;
        this.orgs = orgs;
        this.inputs = inputs;
    }

    /** The rated member or organization, and the organization it is rated in (a member's cell). */
    public record Subject(SubjectType type, UUID id, String name, OrgRef org) {}

    public Subject subject(SubjectType type, UUID id) {
        if (type == SubjectType.MEMBER) {
            InputsReadModel.MemberRef m = inputs.member(id).orElseThrow(() -> ProblemException.notKnownHere("member", id, "evaluations"));
            if (!RATED_MEMBER_STATUSES.contains(m.status())) {
                throw ProblemException.unprocessable("member-not-active", "member " + id + " is " + m.status() + " and is not rated");
            }
            OrgRef org = orgs.findByIdOptional(m.organizationId()).orElseThrow(() -> ProblemException.notKnownHere("organization", m.organizationId(), "evaluations"));
            if ("PARTY_GROUP".equals(org.type) && org.parentId != null) {
                org = orgs.findByIdOptional(org.parentId).orElse(org); // a party group's members are rated in its cell
            }
            return new Subject(type, id, m.fullName(), org);
        }
        OrgRef org = orgs.findByIdOptional(id).orElseThrow(() -> ProblemException.notKnownHere("organization", id, "evaluations"));
        return new Subject(type, id, org.name, org);
    }

    /** The member themself, or a reader of the subject's organization. */
    public void requireReadable(Subject s) {
        if (!isSelf(s)) {
            caller.requireRole(Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY, Roles.AUDITOR);
            caller.requireInScope(s.org().path, s.org().id);
        }
    }

    /** The member themself, or a keeper of the subject's organization. */
    public void requireAssessor(Subject s) {
        if (!isSelf(s)) {
            requireKeeper(s);
        }
    }

    /** A keeper (the cell or committee) of the subject's organization. */
    public void requireKeeper(Subject s) {
        caller.requireRole(RatingService.KEEPERS);
        caller.requireInScope(s.org().path, s.org().id);
    }

    /** The decider belongs to a strictly higher organization than the rated one: a cell does not decide its own rating. */
    public void requireSuperior(Subject s) {
        caller.requireRole(Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY);
        caller.requireInScope(s.org().path, s.org().id);
        Scope scope = caller.scope();
        RatingWorkflow.requireSuperior(scope.isAll(), scope.isAll() ? null : scope.prefix(), s.org().path, s.org().name);
    }

    public static void requireInCycle(Cycle c, Subject s) {
        if (!s.org().path.startsWith(c.scopePath())) {
            throw ProblemException.unprocessable("outside-cycle-scope", s.org().name + " is not in the subtree of cycle " + c.id());
        }
    }

    /** Attendance, tasks and (for a member) disciplines of the year, as the platform holds them now. */
    public Inputs inputsOf(Subject s, int year) {
        if (s.type() == SubjectType.MEMBER) {
            return new Inputs(year, inputs.attendance("member_id", s.id(), year), inputs.tasks("assignee_id", s.id(), year),
                    inputs.disciplines(s.id(), year));
        }
        return new Inputs(year, inputs.attendance("organization_id", s.id(), year),
                inputs.tasks("assignee_organization_id", s.id(), year), null);
    }

    private boolean isSelf(Subject s) {
        return s.type() == SubjectType.MEMBER && caller.memberId().map(s.id()::equals).orElse(false);
    }
}
