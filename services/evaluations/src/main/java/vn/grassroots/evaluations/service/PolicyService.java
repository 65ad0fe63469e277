package vn.grassroots.evaluations.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.paging.Cursor;
import vn.grassroots.common.paging.Page;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.security.Roles;
import vn.grassroots.evaluations.domain.Policy;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.repository.Sql;

/** Rating policies: two built in (seeded by Flyway), custom ones created by admins and organizers; never edited. */
@ApplicationScoped
public class PolicyService {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final AuditTrail audit;

    public PolicyService(EntityManager em, ObjectMapper json, Caller caller, AuditTrail audit) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public Policy create(Commands.CreatePolicy r) {
        caller.requireRole(Roles.ADMIN, Roles.ORGANIZER);
        if (r.toYear() != null && r.toYear() < r.fromYear()) {
            throw ProblemException.invalid("toYear", "must not be before fromYear");
        }
        check(r.rules());
        Number taken = (Number) em.createNativeQuery("SELECT count(*) FROM policy WHERE code = ?1").setParameter(1, r.code()).getSingleResult();
        if (taken.longValue() > 0) {
            throw ProblemException.conflict("policy-code-taken", "a policy with code " + r.code() + " exists; policies are never edited, choose a new code");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO policy (id, code, name, source, from_year, to_year, built_in, document, created_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, false, cast(?7 AS jsonb), ?8)""")
                .setParameter(1, id).setParameter(2, r.code()).setParameter(3, r.name()).setParameter(4, r.source())
                .setParameter(5, r.fromYear()).setParameter(6, r.toYear()).setParameter(7, write(r.rules()))
                .setParameter(8, Caller.actorOf(caller)).executeUpdate();
        Policy p = get(id);
        audit.record("policy.created", "Policy", id, null, null, p);
        return p;
    }

    /** The consistency a policy needs beyond field constraints: unique codes and ranks, bands in rank order, rules naming real levels. */
    void check(PolicyDocument d) {
        for (SubjectType s : SubjectType.values()) {
            checkLevels(d, s);
            checkCriteria(d, s);
        }
        checkQuotas(d);
        checkCaps(d);
    }

    /** Level codes and ranks unique, bands starting lower as ranks go down. */
    private static void checkLevels(PolicyDocument d, SubjectType s) {
        String f = s == SubjectType.MEMBER ? "rules.memberLevels" : "rules.organizationLevels";
        Set<String> codes = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        List<PolicyDocument.Level> levels = d.levels(s).stream().sorted((a, b) -> a.rank() - b.rank()).toList();
        BigDecimal previous = null;
        for (PolicyDocument.Level l : levels) {
            if (!codes.add(l.code())) {
                throw ProblemException.invalid(f, "level code " + l.code() + " is repeated");
            }
            if (!ranks.add(l.rank())) {
                throw ProblemException.invalid(f, "rank " + l.rank() + " is repeated");
            }
            if (l.minScore() != null && previous != null && l.minScore().compareTo(previous) >= 0) {
                throw ProblemException.invalid(f, "the band of " + l.code() + " must start below the band of the level above it");
            }
            if (l.minScore() != null) {
                previous = l.minScore();
            }
        }
    }

    private static void checkCriteria(PolicyDocument d, SubjectType s) {
        Set<String> criteria = new HashSet<>();
        for (PolicyDocument.Criterion c : d.criteria(s)) {
            if (!criteria.add(c.code())) {
                throw ProblemException.invalid(s == SubjectType.MEMBER ? "rules.memberCriteria" : "rules.organizationCriteria",
                        "criterion code " + c.code() + " is repeated");
            }
        }
    }

    private static void checkQuotas(PolicyDocument d) {
        for (PolicyDocument.Quota q : d.quotas()) {
            if (d.level(q.subject(), q.level()).isEmpty() || d.level(q.subject(), q.relativeTo()).isEmpty()) {
                throw ProblemException.invalid("rules.quotas", "quota " + q.code() + " names a level that the " + q.subject() + " levels do not have");
            }
        }
    }

    private static void checkCaps(PolicyDocument d) {
        for (PolicyDocument.Cap c : d.caps()) {
            if (d.level(c.subject(), c.maxLevel()).isEmpty()) {
                throw ProblemException.invalid("rules.caps", "cap " + c.code() + " names a level that the " + c.subject() + " levels do not have");
            }
            if (c.subject() != SubjectType.MEMBER) {
                throw ProblemException.invalid("rules.caps", "cap " + c.code() + ": the conditions known apply to members only");
            }
            if ("UNEXCUSED_ABSENCES_AT_LEAST".equals(c.condition()) && c.threshold() == null) {
                throw ProblemException.invalid("rules.caps", "cap " + c.code() + " needs a threshold");
            }
        }
    }

    public Policy get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(this::policy).orElseThrow(() -> ProblemException.notFound("policy", id));
    }

    /** Policies ordered by code, one page at a time. */
    public Page<Policy> list(String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        String[] after = Cursor.decode(cursor, 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE (cast(?1 AS text) IS NULL OR code > ?1) ORDER BY code LIMIT ?2")
                .setParameter(1, after == null ? null : after[0]).setParameter(2, n + 1).getResultList();
        return Cursor.page(rows, n, this::policy, r -> Cursor.encode((String) r[1]));
    }

    public PolicyDocument document(UUID policyId) {
        return get(policyId).rules();
    }

    private static final String SELECT = "SELECT id, code, name, source, from_year, to_year, built_in, document::text, created_at, created_by FROM policy";

    private Policy policy(Object[] r) {
        try {
            return new Policy((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    r[5] == null ? null : ((Number) r[5]).intValue(), (Boolean) r[6], json.readValue((String) r[7], PolicyDocument.class),
                    Sql.instant(r[8]), (String) r[9]);
        } catch (Exception e) {
            throw new IllegalStateException("stored policy " + r[1] + " cannot be read", e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static FieldError field(String f, String m) {
        return new FieldError(f, m);
    }
}
