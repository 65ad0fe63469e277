package vn.grassroots.evaluations.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.common.web.ETags;
import vn.grassroots.evaluations.domain.Inputs;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.domain.QuotaRule;
import vn.grassroots.evaluations.domain.RatingWorkflow;
import vn.grassroots.evaluations.domain.RatingState;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.events.EvaluationEvents;
import vn.grassroots.evaluations.repository.InputsReadModel;
import vn.grassroots.evaluations.service.CycleService.Cycle;
import vn.grassroots.evaluations.service.Results.RatingView;

/**
 * The rating workflow of a member or an organization in a cycle: self-assessment (scores per criteria group and a
 * text; platform inputs beside it) → proposal by the cell or committee → decision by a strictly higher organization,
 * final. Quotas and caps of the cycle's policy are checked at the decision; a refusal names the rule and the excess.
 */
@ApplicationScoped
public class RatingService {
    public static final String[] KEEPERS = {Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY};
    private static final List<String> RATED_MEMBER_STATUSES = List.of("PROBATIONARY", "OFFICIAL", "EXEMPT");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @Inject
    CycleService cycles;

    @Inject
    PolicyService policies;

    @Inject
    OrgRefs orgs;

    @Inject
    InputsReadModel inputs;

    @Inject
    EvaluationEvents events;

    @Inject
    AuditTrail audit;

    /** The rated member or organization, and the organization it is rated in (a member's cell). */
    public record Subject(SubjectType type, UUID id, String name, OrgRef org) {}

    /** One stored rating row. */
    record Row(UUID id, UUID cycleId, int year, SubjectType type, UUID subjectId, String subjectName, UUID orgId, String orgPath,
            String orgType, String sector, RatingState state, Map<String, BigDecimal> scores, BigDecimal total, String text,
            String selfBy, java.time.Instant selfAt, Inputs inputs, String proposedLevel, String proposalNote, String proposedBy,
            java.time.Instant proposedAt, String decidedLevel, String decisionNote, String decidedBy, java.time.Instant decidedAt,
            String sentBackReason, String sentBackBy, java.time.Instant sentBackAt, long version) {}

    // ---- reads

    @Transactional
    public RatingView get(UUID cycleId, SubjectType type, UUID subjectId) {
        Cycle c = cycles.readable(cycleId);
        Subject s = subject(type, subjectId);
        requireReadable(s);
        PolicyDocument policy = policies.document(c.policyId());
        Optional<Row> row = row(cycleId, type, subjectId, false);
        Inputs live = inputsOf(s, c.year());
        return row.map(r -> view(r, policy, live)).orElseGet(() -> new RatingView(null, cycleId, c.year(), type.name(), subjectId,
                s.name(), s.org().id, s.org().type, s.org().sector, null, null, live, null, null, null, 0));
    }

    /** Ratings of a cycle in the caller's subtree (optionally under one organization), by name, one page at a time. */
    @Transactional
    public Page<RatingView> list(UUID cycleId, SubjectType type, RatingState state, String level, UUID organizationId,
            String cursor, Integer limit) {
        Cycle c = cycles.readable(cycleId);
        caller.requireRole(Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY, Roles.AUDITOR);
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 2);
        Scope scope = caller.scope();
        String under = null;
        if (organizationId != null) {
            OrgRef o = orgs.findByIdOptional(organizationId).orElseThrow(() -> ProblemException.invalid("organizationId", "is not a known organization"));
            caller.requireInScope(o.path, o.id);
            under = o.path;
        }
        Query q = em.createNativeQuery(SELECT + " WHERE cycle_id = :cycle AND " + scope.sql("org_path", "scope")
                        + (under == null ? "" : " AND " + Subtree.condition("org_path", "under"))
                        + " AND (cast(:type AS text) IS NULL OR subject_type = :type)"
                        + " AND (cast(:state AS text) IS NULL OR state = :state)"
                        + " AND (cast(:level AS text) IS NULL OR decided_level = :level)"
                        + " AND (cast(:afterName AS text) IS NULL OR (subject_name, id) > (:afterName, cast(:afterId AS uuid)))"
                        + " ORDER BY subject_name, id LIMIT :limit")
                .setParameter("cycle", cycleId)
                .setParameter("type", type == null ? null : type.name())
                .setParameter("state", state == null ? null : state.name())
                .setParameter("level", level)
                .setParameter("afterName", after == null ? null : after[0])
                .setParameter("afterId", after == null ? null : after[1])
                .setParameter("limit", n + 1);
        scope.bind(q::setParameter, "scope");
        if (under != null) {
            Subtree.bind(q::setParameter, "under", under);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        PolicyDocument policy = policies.document(c.policyId());
        return Cursor.page(rows.stream().map(this::row).toList(), n, r -> view(r, policy, null),
                r -> Cursor.encode(r.subjectName(), r.id().toString()));
    }

    // ---- the workflow

    @Transactional
    public RatingView selfAssess(UUID cycleId, SubjectType type, UUID subjectId, Commands.SelfAssess req, String ifMatch) {
        Cycle c = cycles.lock(cycleId); // a policy change waits for us, and we for it
        Subject s = subject(type, subjectId);
        boolean self = type == SubjectType.MEMBER && caller.memberId().map(subjectId::equals).orElse(false);
        if (!self) {
            caller.requireRole(KEEPERS);
            caller.requireInScope(s.org().path, s.org().id);
        }
        CycleService.requireOpen(c);
        requireInCycle(c, s);
        PolicyDocument policy = policies.document(c.policyId());
        BigDecimal total = total(policy, type, req.scores());
        Inputs snapshot = inputsOf(s, c.year());
        Optional<Row> existing = row(cycleId, type, subjectId, true);
        if (existing.isPresent()) {
            Row r = existing.get();
            ETags.check(ifMatch, r.version());
            RatingWorkflow.requireSelfAssessmentOpen(r.state());
            em.createNativeQuery("""
                    UPDATE rating SET state = 'SELF_ASSESSED', self_scores = cast(?1 AS jsonb), self_total = ?2, self_text = ?3,
                        self_by = ?4, self_at = now(), inputs = cast(?5 AS jsonb), version = version + 1 WHERE id = ?6""")
                    .setParameter(1, write(req.scores())).setParameter(2, total).setParameter(3, req.text())
                    .setParameter(4, Caller.actorOf(caller)).setParameter(5, write(snapshot)).setParameter(6, r.id()).executeUpdate();
            RatingView after = view(row(r.id()), policy, snapshot);
            audit.record("rating.self-assessed", "Rating", r.id(), s.org().path, view(r, policy, null), after);
            return after;
        }
        Number elsewhere = (Number) em.createNativeQuery("""
                SELECT count(*) FROM rating WHERE year = ?1 AND subject_type = ?2 AND subject_id = ?3 AND cycle_id <> ?4""")
                .setParameter(1, c.year()).setParameter(2, type.name()).setParameter(3, subjectId).setParameter(4, cycleId).getSingleResult();
        if (elsewhere.longValue() > 0) {
            throw ProblemException.conflict("already-rated-in-year", "this " + type.name().toLowerCase()
                    + " is already rated in another cycle of " + c.year() + "; a member or organization is rated once a year");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO rating (id, cycle_id, year, subject_type, subject_id, subject_name, organization_id, org_path, org_type,
                    org_sector, state, self_scores, self_total, self_text, self_by, self_at, inputs, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'SELF_ASSESSED', cast(?11 AS jsonb), ?12, ?13, ?14, now(), cast(?15 AS jsonb), 0)""")
                .setParameter(1, id).setParameter(2, cycleId).setParameter(3, c.year()).setParameter(4, type.name())
                .setParameter(5, subjectId).setParameter(6, s.name()).setParameter(7, s.org().id).setParameter(8, s.org().path)
                .setParameter(9, s.org().type).setParameter(10, s.org().sector).setParameter(11, write(req.scores()))
                .setParameter(12, total).setParameter(13, req.text()).setParameter(14, Caller.actorOf(caller))
                .setParameter(15, write(snapshot)).executeUpdate();
        RatingView created = view(row(id), policy, snapshot);
        audit.record("rating.self-assessed", "Rating", id, s.org().path, null, created);
        return created;
    }

    @Transactional
    public RatingView propose(UUID cycleId, SubjectType type, UUID subjectId, Commands.Level req, String ifMatch) {
        Cycle c = cycles.find(cycleId);
        Subject s = subject(type, subjectId);
        caller.requireRole(KEEPERS);
        caller.requireInScope(s.org().path, s.org().id);
        CycleService.requireOpen(c);
        Row r = row(cycleId, type, subjectId, true).orElseThrow(() -> ProblemException.conflict("self-assessment-missing",
                "there is no self-assessment yet: the proposal follows it"));
        ETags.check(ifMatch, r.version());
        RatingWorkflow.requireProposable(r.state(), r.sentBackReason());
        PolicyDocument policy = policies.document(c.policyId());
        PolicyDocument.Level level = level(policy, type, req.level());
        em.createNativeQuery("""
                UPDATE rating SET state = 'PROPOSED', proposed_level = ?1, proposal_note = ?2, proposed_by = ?3, proposed_at = now(),
                    version = version + 1 WHERE id = ?4""")
                .setParameter(1, level.code()).setParameter(2, req.note()).setParameter(3, Caller.actorOf(caller))
                .setParameter(4, r.id()).executeUpdate();
        RatingView after = view(row(r.id()), policy, null);
        audit.record("rating.proposed", "Rating", r.id(), s.org().path, view(r, policy, null), after);
        return after;
    }

    @Transactional
    public RatingView decide(UUID cycleId, SubjectType type, UUID subjectId, Commands.Level req, String ifMatch) {
        Cycle c = cycles.find(cycleId);
        Subject s = subject(type, subjectId);
        requireSuperior(s);
        CycleService.requireOpen(c);
        Row r = row(cycleId, type, subjectId, true).orElseThrow(() -> ProblemException.conflict("self-assessment-missing",
                "there is no self-assessment yet: the decision follows the self-assessment and the proposal"));
        ETags.check(ifMatch, r.version());
        RatingWorkflow.requireDecidable(r.state());
        PolicyDocument policy = policies.document(c.policyId());
        PolicyDocument.Level level = level(policy, type, req.level());
        checkCaps(policy, s, c.year(), level);
        checkQuotas(policy, c, s, level);
        em.createNativeQuery("""
                UPDATE rating SET state = 'DECIDED', decided_level = ?1, decided_rank = ?2, decision_note = ?3, decided_by = ?4,
                    decided_at = now(), version = version + 1 WHERE id = ?5""")
                .setParameter(1, level.code()).setParameter(2, level.rank()).setParameter(3, req.note())
                .setParameter(4, Caller.actorOf(caller)).setParameter(5, r.id()).executeUpdate();
        Row decided = row(r.id());
        events.decided(new EvaluationEvents.RatingData(decided.id(), cycleId, c.year(), c.policyId(), type.name(), subjectId,
                decided.orgId(), decided.orgType(), decided.sector(), level.code(), level.name(), level.rank(), decided.total(),
                decided.decidedBy(), decided.decidedAt(), decided.version()));
        RatingView after = view(decided, policy, null);
        audit.record("rating.decided", "Rating", r.id(), s.org().path, view(r, policy, null), after);
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
                        && policy.criteria(it.subjectType()).isEmpty() && row(cycleId, it.subjectType(), it.subjectId(), false).isEmpty()) {
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
    public RatingView sendBack(UUID cycleId, SubjectType type, UUID subjectId, Commands.SendBack req, String ifMatch) {
        Cycle c = cycles.find(cycleId);
        Subject s = subject(type, subjectId);
        CycleService.requireOpen(c);
        Row r = row(cycleId, type, subjectId, true).orElseThrow(() -> ProblemException.conflict("self-assessment-missing",
                "there is no self-assessment yet: nothing to send back"));
        ETags.check(ifMatch, r.version());
        RatingState to = RatingWorkflow.sendBack(r.state());
        if (RatingWorkflow.sendBackIsTheDecidersAct(r.state())) {
            requireSuperior(s);
        } else {
            caller.requireRole(KEEPERS);
            caller.requireInScope(s.org().path, s.org().id);
        }
        PolicyDocument policy = policies.document(c.policyId());
        em.createNativeQuery("""
                UPDATE rating SET state = ?1, sent_back_reason = ?2, sent_back_by = ?3, sent_back_at = now(), version = version + 1
                WHERE id = ?4""")
                .setParameter(1, to.name()).setParameter(2, req.reason()).setParameter(3, Caller.actorOf(caller))
                .setParameter(4, r.id()).executeUpdate();
        RatingView after = view(row(r.id()), policy, null);
        audit.record("rating.sent-back", "Rating", r.id(), s.org().path, view(r, policy, null), after);
        return after;
    }

    // ---- rules

    /** The decider belongs to a strictly higher organization than the rated one: a cell does not decide its own rating. */
    public void requireSuperior(Subject s) {
        caller.requireRole(Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY);
        caller.requireInScope(s.org().path, s.org().id);
        Scope scope = caller.scope();
        RatingWorkflow.requireSuperior(scope.isAll(), scope.isAll() ? null : scope.prefix(), s.org().path, s.org().name);
    }

    private void checkCaps(PolicyDocument policy, Subject s, int year, PolicyDocument.Level level) {
        for (PolicyDocument.Cap cap : policy.caps()) {
            if (cap.subject() != s.type() || s.type() != SubjectType.MEMBER) {
                continue;
            }
            PolicyDocument.Level max = policy.level(s.type(), cap.maxLevel()).orElseThrow();
            if (level.rank() >= max.rank()) {
                continue;
            }
            String why = null;
            if ("DISCIPLINED_IN_YEAR".equals(cap.condition())) {
                List<Inputs.Discipline> ds = inputs.disciplines(s.id(), year);
                if (!ds.isEmpty()) {
                    why = "the member was disciplined in " + year + " (" + ds.stream().map(d -> d.form() + " on " + d.decidedOn())
                            .collect(Collectors.joining(", ")) + ")";
                }
            } else if ("UNEXCUSED_ABSENCES_AT_LEAST".equals(cap.condition())) {
                long absences = inputs.attendance("member_id", s.id(), year).absentUnexcused();
                if (absences >= cap.threshold()) {
                    why = "the member missed " + absences + " meetings without excuse in " + year + " (threshold " + cap.threshold() + ")";
                }
            }
            if (why != null) {
                int by = max.rank() - level.rank();
                throw ProblemException.unprocessable("cap-exceeded", "rule " + cap.code() + " (" + cap.source() + "): " + why
                        + ", so the rating may not be above " + max.code() + "; " + level.code() + " exceeds it by " + by
                        + (by == 1 ? " level" : " levels"), new FieldError("level", "at most " + max.code() + " by rule " + cap.code()));
            }
        }
    }

    private void checkQuotas(PolicyDocument policy, Cycle c, Subject s, PolicyDocument.Level level) {
        for (PolicyDocument.Quota quota : policy.quotas()) {
            if (quota.subject() != s.type() || !quota.level().equals(level.code())) {
                continue;
            }
            boolean inOrg = "ORGANIZATION".equals(quota.within());
            // decisions of one organization are counted one at a time, so two at once cannot both pass
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, "quota:" + c.id() + (inOrg ? ":" + s.org().id : "")).getSingleResult();
            Object[] counts = (Object[]) em.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE decided_level = ?1), count(*) FILTER (WHERE decided_level = ?2) FROM rating
                    WHERE cycle_id = ?3 AND subject_type = ?4 AND state = 'DECIDED' AND (cast(?5 AS uuid) IS NULL OR organization_id = ?5)""")
                    .setParameter(1, quota.level()).setParameter(2, quota.relativeTo()).setParameter(3, c.id())
                    .setParameter(4, s.type().name()).setParameter(5, inOrg ? s.org().id : null).getSingleResult();
            QuotaRule.check(quota, Sql.number(counts[0]), Sql.number(counts[1]), inOrg ? " in " + s.org().name : " in this cycle");
        }
    }

    private static PolicyDocument.Level level(PolicyDocument policy, SubjectType type, String code) {
        return policy.level(type, code).orElseThrow(() -> ProblemException.invalid("level", "must be one of "
                + policy.levels(type).stream().map(PolicyDocument.Level::code).toList() + " (the policy's " + type.name().toLowerCase() + " levels)"));
    }

    /** The total of the self-assessment's points, each criteria group of the policy scored once within its maximum. */
    private static BigDecimal total(PolicyDocument policy, SubjectType type, Map<String, BigDecimal> scores) {
        List<PolicyDocument.Criterion> criteria = policy.criteria(type);
        Map<String, PolicyDocument.Criterion> byCode = criteria.stream().collect(Collectors.toMap(PolicyDocument.Criterion::code, x -> x));
        List<FieldError> errors = new ArrayList<>();
        for (var e : scores.entrySet()) {
            PolicyDocument.Criterion cr = byCode.get(e.getKey());
            if (cr == null) {
                errors.add(new FieldError("scores." + e.getKey(), criteria.isEmpty() ? "this policy has no point scale; send no scores"
                        : "is not a criteria group of the policy " + byCode.keySet()));
            } else if (e.getValue().signum() < 0 || e.getValue().compareTo(cr.maxPoints()) > 0) {
                errors.add(new FieldError("scores." + e.getKey(), "must be between 0 and " + cr.maxPoints().stripTrailingZeros().toPlainString()));
            }
        }
        for (PolicyDocument.Criterion cr : criteria) {
            if (!scores.containsKey(cr.code())) {
                errors.add(new FieldError("scores." + cr.code(), "is required (" + cr.name() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Validation failed", errors.stream()
                    .map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), errors);
        }
        return criteria.isEmpty() ? null : scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ---- subjects and inputs

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

    private void requireReadable(Subject s) {
        boolean self = s.type() == SubjectType.MEMBER && caller.memberId().map(s.id()::equals).orElse(false);
        if (!self) {
            caller.requireRole(Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.SECRETARY, Roles.AUDITOR);
            caller.requireInScope(s.org().path, s.org().id);
        }
    }

    private static void requireInCycle(Cycle c, Subject s) {
        if (!s.org().path.startsWith(c.scopePath())) {
            throw ProblemException.unprocessable("outside-cycle-scope", s.org().name + " is not in the subtree of cycle " + c.id());
        }
    }

    public Inputs inputsOf(Subject s, int year) {
        if (s.type() == SubjectType.MEMBER) {
            return new Inputs(year, inputs.attendance("member_id", s.id(), year), inputs.tasks("assignee_id", s.id(), year),
                    inputs.disciplines(s.id(), year));
        }
        return new Inputs(year, inputs.attendance("organization_id", s.id(), year),
                inputs.tasks("assignee_organization_id", s.id(), year), null);
    }

    // ---- rows and views

    private static final String SELECT = """
            SELECT id, cycle_id, year, subject_type, subject_id, subject_name, organization_id, org_path, org_type, org_sector, state,
                self_scores::text, self_total, self_text, self_by, self_at, inputs::text, proposed_level, proposal_note, proposed_by,
                proposed_at, decided_level, decision_note, decided_by, decided_at, sent_back_reason, sent_back_by, sent_back_at, version
            FROM rating""";

    private Optional<Row> row(UUID cycleId, SubjectType type, UUID subjectId, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE cycle_id = ?1 AND subject_type = ?2 AND subject_id = ?3"
                        + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, cycleId).setParameter(2, type.name()).setParameter(3, subjectId).getResultList();
        return rows.stream().findFirst().map(this::row);
    }

    private Row row(UUID id) {
        return row((Object[]) em.createNativeQuery(SELECT + " WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    private Row row(Object[] r) {
        return new Row((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), SubjectType.valueOf((String) r[3]), (UUID) r[4],
                (String) r[5], (UUID) r[6], (String) r[7], (String) r[8], (String) r[9], RatingState.valueOf((String) r[10]),
                read((String) r[11], new TypeReference<LinkedHashMap<String, BigDecimal>>() {}), Sql.decimal(r[12]), (String) r[13],
                (String) r[14], Sql.instant(r[15]), read((String) r[16], new TypeReference<Inputs>() {}), (String) r[17],
                (String) r[18], (String) r[19], Sql.instant(r[20]), (String) r[21], (String) r[22], (String) r[23],
                Sql.instant(r[24]), (String) r[25], (String) r[26], Sql.instant(r[27]), ((Number) r[28]).longValue());
    }

    /** The view of a rating; {@code live} replaces the inputs stored at the self-assessment when given. */
    private RatingView view(Row r, PolicyDocument policy, Inputs live) {
        var band = policy.band(r.type(), r.total()).map(PolicyDocument.Level::code).orElse(null);
        Results.SelfAssessment self = r.selfAt() == null ? null
                : new Results.SelfAssessment(r.scores(), r.total(), band, r.text(), r.selfBy(), r.selfAt());
        Results.Step proposal = r.proposedAt() == null ? null
                : new Results.Step(r.proposedLevel(), levelName(policy, r.type(), r.proposedLevel()), r.proposalNote(), r.proposedBy(), r.proposedAt());
        Results.Step decision = r.decidedAt() == null ? null
                : new Results.Step(r.decidedLevel(), levelName(policy, r.type(), r.decidedLevel()), r.decisionNote(), r.decidedBy(), r.decidedAt());
        Results.Step sentBack = r.sentBackAt() == null ? null : new Results.Step(null, null, r.sentBackReason(), r.sentBackBy(), r.sentBackAt());
        return new RatingView(r.id(), r.cycleId(), r.year(), r.type().name(), r.subjectId(), r.subjectName(), r.orgId(), r.orgType(),
                r.sector(), r.state().name(), self, live != null ? live : r.inputs(), proposal, decision, sentBack, r.version());
    }

    private static String levelName(PolicyDocument p, SubjectType t, String code) {
        return code == null ? null : p.level(t, code).map(PolicyDocument.Level::name).orElse(code);
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return s == null ? null : json.readValue(s, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
