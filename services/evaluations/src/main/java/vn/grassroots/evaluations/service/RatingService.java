package vn.grassroots.evaluations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.common.web.ETags;
import vn.grassroots.evaluations.domain.Inputs;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.domain.Rating;
import vn.grassroots.evaluations.domain.RatingState;
import vn.grassroots.evaluations.domain.RatingWorkflow;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.events.EvaluationEvents;
import vn.grassroots.evaluations.repository.RatingRepository;
import vn.grassroots.evaluations.service.CycleService.Cycle;
import vn.grassroots.evaluations.service.RatingSubjects.Subject;
import vn.grassroots.evaluations.service.Results.RatingResult;

/**
 * The rating workflow of a member or an organization in a cycle: self-assessment (scores per criteria group and a
 * text; platform inputs beside it) → proposal by the cell or committee → decision by a strictly higher organization,
 * final. Quotas and caps of the cycle's policy are checked at the decision; a refusal names the rule and the excess.
 */
@ApplicationScoped
public class RatingService {
    public static final String[] KEEPERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY};

    private final Caller caller;
    private final CycleService cycles;
    private final PolicyService policies;
    private final OrgRefs orgs;
    private final RatingRepository ratings;
    private final RatingSubjects subjects;
    private final RatingRules rules;
    private final EvaluationEvents events;
    private final AuditTrail audit;

    public RatingService(Caller caller, CycleService cycles, PolicyService policies, OrgRefs orgs,
            RatingRepository ratings, RatingSubjects subjects, RatingRules rules, EvaluationEvents events,
            AuditTrail audit) {
        this.caller = caller;
        this.cycles = cycles;
        this.policies = policies;
        this.orgs = orgs;
        this.ratings = ratings;
        this.subjects = subjects;
        this.rules = rules;
        this.events = events;
        this.audit = audit;
    }

    // ---- reads

    @Transactional
    public RatingResult get(UUID cycleId, SubjectType type, UUID subjectId) {
        Cycle c = cycles.readable(cycleId);
        Subject s = subjects.subject(type, subjectId);
        subjects.requireReadable(s);
        PolicyDocument policy = policies.document(c.policyId());
        Optional<Rating> row = ratings.find(cycleId, type, subjectId, false);
        Inputs live = subjects.inputsOf(s, c.year());
        return row.map(r -> RatingResult.of(r, policy, live)).orElseGet(() -> new RatingResult(null, cycleId, c.year(), type.name(),
                subjectId, s.name(), s.org().id, s.org().type, s.org().sector, null, null, live, null, null, null, 0));
    }

    /** Ratings of a cycle in the caller's subtree (optionally under one organization), by name, one page at a time. */
    @Transactional
    public Page<RatingResult> list(UUID cycleId, SubjectType type, RatingState state, String level, UUID organizationId,
            String cursor, Integer limit) {
        Cycle c = cycles.readable(cycleId);
        caller.requireRole(Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY, Roles.AUDITOR);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 2);
        String under = null;
        if (organizationId != null) {
            OrgRef o = orgs.findByIdOptional(organizationId).orElseThrow(() -> ProblemException.invalid("organizationId", "is not a known organization"));
            caller.requireInScope(o.path, o.id);
            under = o.path;
        }
        List<Rating> rows = ratings.page(cycleId, caller.scope(), under, type, state, level, after, n + 1);
        PolicyDocument policy = policies.document(c.policyId());
        return Cursor.page(rows, n, r -> RatingResult.of(r, policy, null), r -> Cursor.encode(r.subjectName(), r.id().toString()));
    }

    // ---- the workflow

    @Transactional
    public RatingResult selfAssess(UUID cycleId, SubjectType type, UUID subjectId, Commands.SelfAssess req, String ifMatch) {
        Cycle c = cycles.lock(cycleId); // a policy change waits for us, and we for it
        Subject s = subjects.subject(type, subjectId);
        subjects.requireAssessor(s);
        CycleService.requireOpen(c);
        RatingSubjects.requireInCycle(c, s);
        PolicyDocument policy = policies.document(c.policyId());
        BigDecimal total = RatingRules.total(policy, type, req.scores());
        Inputs snapshot = subjects.inputsOf(s, c.year());
        Optional<Rating> existing = ratings.find(cycleId, type, subjectId, true);
        if (existing.isPresent()) {
            Rating r = existing.get();
            ETags.check(ifMatch, r.version());
            RatingWorkflow.requireSelfAssessmentOpen(r.state());
            ratings.updateSelfAssessment(r.id(), req.scores(), total, req.text(), Caller.actorOf(caller), snapshot);
            RatingResult after = RatingResult.of(ratings.get(r.id()), policy, snapshot);
            audit.record("rating.self-assessed", "Rating", r.id(), s.org().path, RatingResult.of(r, policy, null), after);
            return after;
        }
        if (ratings.ratedInAnotherCycle(c.year(), type, subjectId, cycleId)) {
            throw ProblemException.conflict("already-rated-in-year", "this " + type.name().toLowerCase()
                    + " is already rated in another cycle of " + c.year() + "; a member or organization is rated once a year");
        }
        UUID id = UUID.randomUUID();
        ratings.insertSelfAssessment(id, cycleId, c.year(), type, subjectId, s.name(), s.org(), req.scores(), total, req.text(),
                Caller.actorOf(caller), snapshot);
        RatingResult created = RatingResult.of(ratings.get(id), policy, snapshot);
        audit.record("rating.self-assessed", "Rating", id, s.org().path, null, created);
        return created;
    }

    @Transactional
    public RatingResult propose(UUID cycleId, SubjectType type, UUID subjectId, Commands.Level req, String ifMatch) {
        Cycle c = cycles.find(cycleId);
        Subject s = subjects.subject(type, subjectId);
        subjects.requireKeeper(s);
        CycleService.requireOpen(c);
        Rating r = ratings.find(cycleId, type, subjectId, true).orElseThrow(() -> ProblemException.conflict("self-assessment-missing",
                "there is no self-assessment yet: the proposal follows it"));
        ETags.check(ifMatch, r.version());
        RatingWorkflow.requireProposable(r.state(), r.sentBackReason());
        PolicyDocument policy = policies.document(c.policyId());
        PolicyDocument.Level level = RatingRules.level(policy, type, req.level());
        ratings.propose(r.id(), level.code(), req.note(), Caller.actorOf(caller));
        RatingResult after = RatingResult.of(ratings.get(r.id()), policy, null);
        audit.record("rating.proposed", "Rating", r.id(), s.org().path, RatingResult.of(r, policy, null), after);
        return after;
    }

    @Transactional
    public RatingResult decide(UUID cycleId, SubjectType type, UUID subjectId, Commands.Level req, String ifMatch) {
        Cycle c = cycles.find(cycleId);
        Subject s = subjects.subject(type, subjectId);
        subjects.requireSuperior(s);
        CycleService.requireOpen(c);
        Rating r = ratings.find(cycleId, type, subjectId, true).orElseThrow(() -> ProblemException.conflict("self-assessment-missing",
                "there is no self-assessment yet: the decision follows the self-assessment and the proposal"));
        ETags.check(ifMatch, r.version());
        RatingWorkflow.requireDecidable(r.state());
        PolicyDocument policy = policies.document(c.policyId());
        PolicyDocument.Level level = RatingRules.level(policy, type, req.level());
        rules.checkCaps(policy, s, c.year(), level);
        rules.checkQuotas(policy, c, s, level);
        ratings.decide(r.id(), level.code(), level.rank(), req.note(), Caller.actorOf(caller));
        Rating decided = ratings.get(r.id());
        events.decided(new EvaluationEvents.RatingData(decided.id(), cycleId, c.year(), c.policyId(), type.name(), subjectId,
                decided.orgId(), decided.orgType(), decided.sector(), level.code(), level.name(), level.rank(), decided.total(),
                decided.decidedBy(), decided.decidedAt(), decided.version()));
        RatingResult after = RatingResult.of(decided, policy, null);
        audit.record("rating.decided", "Rating", r.id(), s.org().path, RatingResult.of(r, policy, null), after);
        return after;
    }

    /** The self-assessment a bulk call records where the policy has no criteria to score (e.g. BEFORE-2018). */
    static final String NO_CRITERIA_TEXT = "Ghi nhận theo danh sách: chính sách không có tiêu chí chấm điểm";

    /**
     * Many ratings of one cycle in order, all or nothing: each item's steps are taken as their single calls take them
     * (the same rights, rules, caps, quotas, events and audit entries, quotas counting the items before). Where the policy
     * has no criteria for the subject type, an item without a self-assessment gets one saying so. Every refused item is
     * reported with its index and reason, and then nothing is kept.
     */
    @Transactional
    public Results.BulkResult bulk(UUID cycleId, Commands.Bulk req) {
        Taken t = take(cycleId, req.items());
        if (!t.refused().isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            t.refused().forEach((i, e) -> errors.add(new FieldError("items[" + i + "]", e.slug() + ": " + e.getMessage())));
            throw new ProblemException(422, "bulk-refused", "Unprocessable request", errors.size() + " of " + req.items().size()
                    + " items are refused; nothing was recorded", errors);
        }
        return new Results.BulkResult(req.items().size(), t.selfAssessed(), t.proposed(), t.decided());
    }

    /** What {@link #take} did: the refusals by item index, and the steps taken. */
    public record Taken(Map<Integer, ProblemException> refused, int selfAssessed, int proposed, int decided) {}

    /**
     * The items' steps in order in the current transaction, as bulk and the ratings import take them; every item is tried,
     * and the caller keeps nothing (rolls back) when any is refused.
     */
    public Taken take(UUID cycleId, List<Commands.BulkItem> items) {
        PolicyDocument policy = policies.document(cycles.find(cycleId).policyId());
        Map<Integer, ProblemException> refused = new LinkedHashMap<>();
        int selfAssessed = 0;
        int proposed = 0;
        int decided = 0;
        for (int i = 0; i < items.size(); i++) {
            Commands.BulkItem it = items.get(i);
            try {
                Commands.SelfAssess self = it.selfAssessment();
                if (self == null && (it.proposedLevel() != null || it.decidedLevel() != null)
                        && policy.criteria(it.subjectType()).isEmpty() && ratings.find(cycleId, it.subjectType(), it.subjectId(), false).isEmpty()) {
                    self = new Commands.SelfAssess(Map.of(), NO_CRITERIA_TEXT);
                }
                if (self != null) {
                    selfAssess(cycleId, it.subjectType(), it.subjectId(), self, null);
                    selfAssessed++;
                }
                if (it.proposedLevel() != null) {
                    propose(cycleId, it.subjectType(), it.subjectId(), new Commands.Level(it.proposedLevel(), it.note()), null);
                    proposed++;
                }
                if (it.decidedLevel() != null) {
                    decide(cycleId, it.subjectType(), it.subjectId(), new Commands.Level(it.decidedLevel(), it.note()), null);
                    decided++;
                }
            } catch (ProblemException e) {
                refused.put(i, e);
            }
        }
        return new Taken(refused, selfAssessed, proposed, decided);
    }

    /**
     * Sends a step back with a reason: a proposed rating goes back to the proposal (by the decider), a self-assessed
     * one back to the self-assessment (by the cell or committee). A decision is final.
     */
    @Transactional
    public RatingResult sendBack(UUID cycleId, SubjectType type, UUID subjectId, Commands.SendBack req, String ifMatch) {
        Cycle c = cycles.find(cycleId);
        Subject s = subjects.subject(type, subjectId);
        CycleService.requireOpen(c);
        Rating r = ratings.find(cycleId, type, subjectId, true).orElseThrow(() -> ProblemException.conflict("self-assessment-missing",
                "there is no self-assessment yet: nothing to send back"));
        ETags.check(ifMatch, r.version());
        RatingState to = RatingWorkflow.sendBack(r.state());
        if (RatingWorkflow.sendBackIsTheDecidersAct(r.state())) {
            subjects.requireSuperior(s);
        } else {
            subjects.requireKeeper(s);
        }
        PolicyDocument policy = policies.document(c.policyId());
        ratings.sendBack(r.id(), to, req.reason(), Caller.actorOf(caller));
        RatingResult after = RatingResult.of(ratings.get(r.id()), policy, null);
        audit.record("rating.sent-back", "Rating", r.id(), s.org().path, RatingResult.of(r, policy, null), after);
        return after;
    }
}
