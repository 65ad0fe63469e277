package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.security.Subtree;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.web.ETags;
import vn.grassroots.membership.domain.AdmissionStep;
import vn.grassroots.membership.domain.Candidate;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.MemberStatus;

/**
 * The admission pipeline (phát triển đảng viên): candidate → awareness course → application → cell vote →
 * superior committee decision → admitted as a probationary member. Steps are recorded only in this order (409
 * otherwise), each with its date, number and who recorded it; dates never go backwards.
 */
@ApplicationScoped
public class CandidateService {
    private static final String ENTITY = "Candidate";

    private final EntityManager em;
    private final Access access;
    private final AuditTrail audit;
    private final MemberService memberService;

    public CandidateService(EntityManager em, Access access, AuditTrail audit, MemberService memberService) {
        this.em = em;
        this.access = access;
        this.audit = audit;
        this.memberService = memberService;
    }

    @Transactional
    public Results.CandidateState create(Commands.CreateCandidate r) {
        access.caller().requireRole(Access.CELL_KEEPERS);
        OrgRef org = access.memberHolding(r.organizationId(), "organizationId");
        if (r.id() != null && em.find(Candidate.class, r.id()) != null) {
            throw ProblemException.conflict("candidate-exists", "a candidate with id " + r.id() + " already exists");
        }
        Candidate c = new Candidate();
        c.id = r.id() != null ? r.id() : UUID.randomUUID();
        c.fullName = r.fullName().trim();
        c.searchName = SearchText.normalize(c.fullName);
        c.birthDate = r.birthDate();
        c.gender = r.gender();
        c.ethnicity = r.ethnicity();
        c.religion = r.religion();
        c.citizenId = r.citizenId();
        c.phone = r.phone();
        c.email = r.email();
        c.homeTown = r.homeTown();
        c.educationLevel = r.educationLevel();
        c.theoryLevel = r.theoryLevel();
        c.occupation = r.occupation();
        c.organizationId = org.id;
        c.stage = AdmissionStep.CANDIDATE;
        c.createdAt = c.updatedAt = Instant.now();
        em.persist(c);
        em.flush();
        Results.CandidateState state = state(c, org.name, true);
        audit.record("candidate.created", ENTITY, c.id, org.path, null, state);
        return state;
    }

    @Transactional
    public Results.CandidateState get(UUID id) {
        Candidate c = readable(id);
        OrgRef o = access.organization(c.organizationId);
        return state(c, o == null ? null : o.name, access.caller().hasAnyRole(Access.CITIZEN_ID_READERS));
    }

    @Transactional
    public Page<Results.CandidateState> list(List<AdmissionStep> stages, String q, String cursor, int limit) {
        access.caller().requireRole(Access.SUBTREE_READERS);
        Scope scope = access.caller().scope();
        StringBuilder jpql = new StringBuilder("select c, o.name from Candidate c, OrgRef o where o.id = c.organizationId");
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (!scope.isAll()) {
            jpql.append(" and ").append(Subtree.condition("o.path", "scope"));
            scope.bind(p::put, "scope");
        }
        if (stages != null && !stages.isEmpty()) {
            jpql.append(" and c.stage in (:stages)");
            p.put("stages", stages);
        }
        if (q != null && !q.isBlank()) {
            jpql.append(" and function('name_matches', c.searchName, :phrase) = true and concat(' ', c.searchName) like :q");
            p.put("phrase", SearchText.phraseQuery(q));
            p.put("q", SearchText.wordStartPattern(q));
        }
        String[] after = Cursor.decode(cursor, 2);
        if (after != null) {
            jpql.append(" and (c.searchName > :an or (c.searchName = :an and c.id > :aid))");
            p.put("an", after[0]);
            p.put("aid", Cursor.id(after[1]));
        }
        jpql.append(" order by c.searchName, c.id");
        var query = em.createQuery(jpql.toString(), Object[].class);
        p.forEach(query::setParameter);
        query.setMaxResults(limit + 1);
        List<Object[]> rows = query.getResultList();
        return Cursor.page(rows, limit, r -> state((Candidate) r[0], (String) r[1], false),
                r -> Cursor.encode(((Candidate) r[0]).searchName, ((Candidate) r[0]).id.toString()));
    }

    @Transactional
    public Results.CandidateState record(UUID id, String ifMatch, Commands.RecordStep r) {
        boolean decidersOnly = r.step() == AdmissionStep.SUPERIOR_APPROVED || r.step() == AdmissionStep.ADMITTED;
        access.caller().requireRole(decidersOnly ? Access.DECIDERS : Access.CELL_KEEPERS);
        Candidate c = em.find(Candidate.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("candidate", id);
        }
        OrgRef org = access.organization(c.organizationId);
        access.caller().requireInScope(org == null ? null : org.path, c.organizationId);
        ETags.check(ifMatch, c.version);
        c.checkNextStep(r.step(), r.decisionNumber());
        Candidate.checkStepDate(r.date(), lastStepDate(c.id));
        Results.CandidateState before = state(c, org.name, true);
        if (r.step() == AdmissionStep.ADMITTED) {
            c.memberId = admit(c, r).id;
        }
        insertStep(c, r);
        c.stage = r.step();
        c.updatedAt = Instant.now();
        em.flush();
        Results.CandidateState after = state(c, org.name, true);
        audit.record("candidate." + r.step().name().toLowerCase().replace('_', '-'), ENTITY, c.id, org.path, before, after);
        return state(c, org.name, access.caller().hasAnyRole(Access.CITIZEN_ID_READERS));
    }

    /** Admits the candidate as a PROBATIONARY member of their cell, from their profile and the step's card and date. */
    private Member admit(Candidate c, Commands.RecordStep r) {
        OrgRef cell = access.memberHolding(c.organizationId, "organizationId");
        if (!c.birthDate.isBefore(r.date())) {
            throw ProblemException.invalid("date", "must be after the candidate's birth date");
        }
        var profile = new Commands.CreateMember(null, c.fullName, c.birthDate, c.gender, c.ethnicity, c.religion, c.citizenId,
                c.phone, c.email, c.homeTown, c.educationLevel, c.theoryLevel, c.occupation, r.partyCardNumber(), r.date(), null,
                c.organizationId, MemberStatus.PROBATIONARY);
        return memberService.admit(c.id, profile, r.decisionNumber(), cell);
    }

    private void insertStep(Candidate c, Commands.RecordStep r) {
        em.createNativeQuery("""
                INSERT INTO candidate_step (candidate_id, step, step_date, decision_number, note, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, now())""")
                .setParameter(1, c.id)
                .setParameter(2, r.step().name())
                .setParameter(3, r.date())
                .setParameter(4, r.decisionNumber())
                .setParameter(5, r.note())
                .setParameter(6, access.caller().name())
                .executeUpdate();
    }

    private Candidate readable(UUID id) {
        access.caller().requireRole(Access.SUBTREE_READERS);
        Candidate c = em.find(Candidate.class, id);
        if (c == null) {
            throw ProblemException.notFound("candidate", id);
        }
        OrgRef o = access.organization(c.organizationId);
        access.caller().requireInScope(o == null ? null : o.path, c.organizationId);
        return c;
    }

    private LocalDate lastStepDate(UUID id) {
        Object v = em.createNativeQuery("SELECT max(step_date) FROM candidate_step WHERE candidate_id = ?1")
                .setParameter(1, id).getSingleResult();
        return v == null ? null : v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    private List<Results.Step> steps(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT step, step_date, decision_number, note, recorded_by, recorded_at FROM candidate_step
                WHERE candidate_id = ?1 ORDER BY id""").setParameter(1, id).getResultList();
        return rows.stream().map(r -> new Results.Step(AdmissionStep.valueOf((String) r[0]),
                r[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[1], (String) r[2], (String) r[3], (String) r[4],
                Dates.instant(r[5])))
                .toList();
    }

    /** The candidate as answered and audited; the citizen id masked unless {@code fullCitizenId}. */
    private Results.CandidateState state(Candidate c, String orgName, boolean fullCitizenId) {
        return new Results.CandidateState(c.id, c.fullName, c.birthDate, c.gender, c.ethnicity, c.religion,
                fullCitizenId ? c.citizenId : Access.mask(c.citizenId), c.phone, c.email, c.homeTown, c.educationLevel,
                c.theoryLevel, c.occupation, c.organizationId, orgName, c.stage, c.stage.following(), steps(c.id), c.memberId,
                c.version, c.createdAt, c.updatedAt);
    }
}
