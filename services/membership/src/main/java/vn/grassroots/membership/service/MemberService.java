package vn.grassroots.membership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.web.ETags;
import vn.grassroots.membership.domain.Decision;
import vn.grassroots.membership.domain.DisciplineForm;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.StatusChange;
import vn.grassroots.membership.events.MemberEvents;
import vn.grassroots.membership.repository.MemberRepository;

/** The rules of membership: who sees whom, profiles, status changes with their decisions, probation. */
@ApplicationScoped
public class MemberService {
    private static final String ENTITY = "Member";

    private final VietnamClock clock;
    private final DisciplineService disciplines;
    private final MemberRepository members;
    private final Access access;
    private final AuditTrail audit;
    private final MemberEvents events;
    private final EntityManager em;

    public MemberService(VietnamClock clock, DisciplineService disciplines, MemberRepository members, Access access,
            AuditTrail audit, MemberEvents events, EntityManager em) {
        this.clock = clock;
        this.disciplines = disciplines;
        this.members = members;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.em = em;
    }

    // ---- reading

    @Transactional
    public Results.MemberState get(UUID id) {
        Member m = readable(id);
        boolean full = access.caller().hasAnyRole(Access.CITIZEN_ID_READERS)
                || access.caller().memberId().map(m.id::equals).orElse(false);
        OrgRef o = access.organization(m.organizationId);
        return state(m, o == null ? null : o.name, full);
    }

    @Transactional
    public List<StatusChange> history(UUID id) {
        Member m = readable(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT from_status, to_status, reason, decision_number, decision_date, recorded_by, recorded_at
                FROM member_status_change WHERE member_id = ?1 ORDER BY id""")
                .setParameter(1, m.id).getResultList();
        return rows.stream().map(r -> new StatusChange(
                r[0] == null ? null : MemberStatus.valueOf((String) r[0]), MemberStatus.valueOf((String) r[1]), (String) r[2],
                new Decision((String) r[3], Dates.date(r[4])), (String) r[5], Dates.instant(r[6]))).toList();
    }

    // ---- writing

    @Transactional
    public Results.MemberState create(Commands.CreateMember r) {
        access.caller().requireRole(Access.DECIDERS);
        OrgRef org = access.memberHolding(r.organizationId(), "organizationId");
        if (r.id() != null && members.findById(r.id()) != null) {
            throw ProblemException.conflict("member-exists", "a member with id " + r.id() + " already exists");
        }
        Member.checkRegistration(r.status(), r.birthDate(), r.admissionDate(), r.officialDate());
        requireCardFree(r.partyCardNumber(), null);
        Member m = newMember(r, org, Instant.now());
        members.persist(m);
        members.flush();
        Results.MemberState state = state(m, org.name, true);
        audit.record("member.registered", ENTITY, m.id, org.path, null, state);
        events.member(MemberEvents.REGISTERED, m);
        return state;
    }

    /** A new member from a registration request in {@code org}, not yet persisted (create and the CSV import). */
    static Member newMember(Commands.CreateMember r, OrgRef org, Instant now) {
        Member m = new Member();
        m.id = r.id() != null ? r.id() : UUID.randomUUID();
        profile(m, r.fullName(), r.birthDate(), r.gender(), r.ethnicity(), r.religion(), r.citizenId(), r.phone(), r.email(),
                r.homeTown(), r.educationLevel(), r.theoryLevel(), r.occupation(), r.partyCardNumber());
        m.admissionDate = r.admissionDate();
        m.officialDate = r.officialDate();
        m.organizationId = org.id;
        m.status = r.status();
        m.statusSince = r.status() == MemberStatus.PROBATIONARY ? r.admissionDate() : r.officialDate();
        m.createdAt = m.updatedAt = now;
        return m;
    }

    /** Admission at the end of the pipeline: a probationary member (called by CandidateService in its transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member admit(UUID candidateId, Commands.CreateMember r, String admissionDecisionNumber, OrgRef org) {
        requireCardFree(r.partyCardNumber(), null);
        Member m = new Member();
        m.id = UUID.randomUUID();
        profile(m, r.fullName(), r.birthDate(), r.gender(), r.ethnicity(), r.religion(), r.citizenId(), r.phone(), r.email(),
                r.homeTown(), r.educationLevel(), r.theoryLevel(), r.occupation(), r.partyCardNumber());
        m.admissionDate = r.admissionDate();
        m.organizationId = org.id;
        m.status = MemberStatus.PROBATIONARY;
        m.statusSince = r.admissionDate();
        m.candidateId = candidateId;
        m.createdAt = m.updatedAt = Instant.now();
        members.persist(m);
        members.flush();
        recordChange(m.id, null, MemberStatus.PROBATIONARY, "admitted (kết nạp)", new Decision(admissionDecisionNumber, r.admissionDate()));
        audit.record("member.admitted", ENTITY, m.id, org.path, null, state(m, org.name, true));
        events.member(MemberEvents.ADMITTED, m, new MemberEvents.Admitted(candidateId,
                new Decision(admissionDecisionNumber, r.admissionDate())));
        return m;
    }

    @Transactional
    public Results.MemberState update(UUID id, String ifMatch, Commands.UpdateProfile r) {
        access.caller().requireRole(Access.CELL_KEEPERS);
        Member m = writable(id);
        ETags.require(ifMatch, m.version);
        requireCardFree(r.partyCardNumber(), m.id);
        if (m.partyCardNumber != null && !m.partyCardNumber.equals(r.partyCardNumber())) {
            throw ProblemException.unprocessable("party-card-issued", "the party card number " + m.partyCardNumber
                    + " is issued and stays", new FieldError("partyCardNumber", "cannot change once issued"));
        }
        if (!r.birthDate().isBefore(m.admissionDate)) {
            throw ProblemException.unprocessable("admission-before-birth", "the birth date must precede the admission date",
                    new FieldError("birthDate", "must be before admissionDate"));
        }
        OrgRef org = access.organization(m.organizationId);
        Results.MemberState before = state(m, org.name, true);
        profile(m, r.fullName(), r.birthDate(), r.gender(), r.ethnicity(), r.religion(), r.citizenId(), r.phone(), r.email(),
                r.homeTown(), r.educationLevel(), r.theoryLevel(), r.occupation(), r.partyCardNumber());
        m.updatedAt = Instant.now();
        members.flush();
        Results.MemberState after = state(m, org.name, true);
        audit.record("member.profile-changed", ENTITY, m.id, org.path, before, after);
        events.member(MemberEvents.PROFILE_CHANGED, m);
        return state(m, org.name, access.caller().hasAnyRole(Access.CITIZEN_ID_READERS));
    }

    @Transactional
    public Results.MemberState changeStatus(UUID id, String ifMatch, Commands.StatusChange r) {
        access.caller().requireRole(Access.DECIDERS);
        Member m = writable(id);
        ETags.check(ifMatch, m.version);
        MemberStatus from = m.status;
        m.checkStatusChange(r.status(), r.decision().date(), clock.today());
        OrgRef org = access.organization(m.organizationId);
        Results.MemberState before = state(m, org.name, true);
        boolean recognition = m.applyStatusChange(r.status(), r.decision().date());
        m.updatedAt = Instant.now();
        members.flush();
        recordChange(m.id, from, r.status(), r.reason(), r.decision());
        Results.MemberState after = state(m, org.name, true);
        audit.record("member.status-changed", ENTITY, m.id, org.path, before, after);
        var details = new MemberEvents.StatusChanged(from.name(), r.status().name(), r.reason(), r.decision());
        events.member(recognition ? MemberEvents.OFFICIALIZED
                : r.status() == MemberStatus.TRANSFERRED_OUT ? MemberEvents.TRANSFERRED : MemberEvents.STATUS_CHANGED, m, details);
        if (r.status() == MemberStatus.EXPELLED) {
            // khai trừ is the heaviest discipline: recorded as one too, so "disciplined in the year" is one question
            disciplines.insert(m, DisciplineForm.EXPULSION, r.decision(), null, r.reason());
        }
        return state(m, org.name, access.caller().hasAnyRole(Access.CITIZEN_ID_READERS));
    }

    // ---- helpers

    private void recordChange(UUID memberId, MemberStatus from, MemberStatus to, String reason, Decision d) {
        em.createNativeQuery("""
                INSERT INTO member_status_change (member_id, from_status, to_status, reason, decision_number, decision_date, recorded_by, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())""")
                .setParameter(1, memberId)
                .setParameter(2, from == null ? null : from.name())
                .setParameter(3, to.name())
                .setParameter(4, reason)
                .setParameter(5, d.number())
                .setParameter(6, d.date())
                .setParameter(7, access.caller().name())
                .executeUpdate();
    }

    private void requireCardFree(String card, UUID exceptId) {
        if (members.cardTaken(card, exceptId)) {
            throw ProblemException.conflict("party-card-taken", "party card number " + card + " is already issued to another member");
        }
    }

    /** Records an audit entry of a member under their organization's path, which an auditor's scope filters on. */
    void audit(String action, Member m, Object before, Object after) {
        OrgRef org = access.organization(m.organizationId);
        audit.record(action, ENTITY, m.id, org == null ? null : org.path, before, after);
    }

    /** A member the caller may read: 404 when unknown, 403 outside the caller's subtree or (role member) not themself. */
    public Member readable(UUID id) {
        boolean selfOnly = access.selfOnly();
        Member m = members.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("member", id));
        if (selfOnly) {
            if (!access.self().equals(m.id)) {
                throw ProblemException.forbidden("members read only their own record");
            }
            return m;
        }
        requireInScope(m);
        return m;
    }

    private Member writable(UUID id) {
        Member m = members.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("member", id));
        requireInScope(m);
        return m;
    }

    private void requireInScope(Member m) {
        OrgRef o = access.organization(m.organizationId);
        access.caller().requireInScope(o == null ? null : o.path, m.organizationId);
    }

    private static void profile(Member m, String fullName, LocalDate birthDate, vn.grassroots.membership.domain.Gender gender,
            String ethnicity, String religion, String citizenId, String phone, String email, String homeTown, String education,
            vn.grassroots.membership.domain.TheoryLevel theory, String occupation, String card) {
        m.fullName = fullName.trim();
        m.searchName = SearchText.normalize(m.fullName);
        m.birthDate = birthDate;
        m.gender = gender;
        m.ethnicity = ethnicity;
        m.religion = religion;
        m.citizenId = citizenId;
        m.phone = phone;
        m.email = email;
        m.homeTown = homeTown;
        m.educationLevel = education;
        m.theoryLevel = theory;
        m.occupation = occupation;
        m.partyCardNumber = card == null || card.isBlank() ? null : card.trim();
    }

    /** The member as answered and audited; the citizen id masked unless {@code fullCitizenId} (the rule lives here). */
    static Results.MemberState state(Member m, String orgName, boolean fullCitizenId) {
        return new Results.MemberState(m.id, m.fullName, m.birthDate, m.gender, m.ethnicity, m.religion,
                fullCitizenId ? m.citizenId : Access.mask(m.citizenId), m.phone, m.email, m.homeTown, m.educationLevel,
                m.theoryLevel, m.occupation, m.partyCardNumber, m.admissionDate, m.officialDate,
                m.status == MemberStatus.PROBATIONARY ? m.probationEndsOn() : null, m.organizationId, orgName, m.status,
                m.statusSince, m.inTransitTransferId != null, m.candidateId, m.version, m.createdAt, m.updatedAt);
    }
}
