package vn.grassroots.evaluations.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.evaluations.domain.Inputs;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.domain.QuotaRule;
import vn.grassroots.evaluations.domain.SubjectType;
import vn.grassroots.evaluations.repository.InputsReadModel;
import vn.grassroots.evaluations.repository.RatingRepository;
import vn.grassroots.evaluations.service.CycleService.Cycle;
import vn.grassroots.evaluations.service.RatingSubjects.Subject;

/** The policy's rules a rating must meet: the points of the self-assessment, the levels, the caps and the quotas. */
@ApplicationScoped
public class RatingRules {
    private final InputsReadModel inputs;
    private final RatingRepository ratings;

    public RatingRules(InputsReadModel inputs, RatingRepository ratings) {
        this.inputs = inputs;
        this.ratings = ratings;
    }

    /** A level of the policy for the subject type, or a refusal naming the levels there are. */
    public static PolicyDocument.Level level(PolicyDocument policy, SubjectType type, String code) {
        return policy.level(type, code).orElseThrow(() -> ProblemException.invalid("level", "must be one of "
                + policy.levels(type).stream().map(PolicyDocument.Level::code).toList() + " (the policy's " + type.name().toLowerCase() + " levels)"));
    }

    /** The total of the self-assessment's points, each criteria group of the policy scored once within its maximum. */
    public static BigDecimal total(PolicyDocument policy, SubjectType type, Map<String, BigDecimal> scores) {
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

    /** A member's rating is capped by the policy's caps whose condition holds in the year (discipline, absences). */
    public void checkCaps(PolicyDocument policy, Subject s, int year, PolicyDocument.Level level) {
        for (PolicyDocument.Cap cap : policy.caps()) {
            if (cap.subject() != s.type() || s.type() != SubjectType.MEMBER) {
                continue;
            }
            PolicyDocument.Level max = policy.level(s.type(), cap.maxLevel()).orElseThrow();
            if (level.rank() >= max.rank()) {
                continue;
            }
            String why = capReason(cap, s, year);
            if (why != null) {
                int by = max.rank() - level.rank();
                throw ProblemException.unprocessable("cap-exceeded", "rule " + cap.code() + " (" + cap.source() + "): " + why
                        + ", so the rating may not be above " + max.code() + "; " + level.code() + " exceeds it by " + by
                        + (by == 1 ? " level" : " levels"), new FieldError("level", "at most " + max.code() + " by rule " + cap.code()));
            }
        }
    }

    /** Why the cap's condition holds for the member in the year, or null when it does not. */
    private String capReason(PolicyDocument.Cap cap, Subject s, int year) {
        if ("DISCIPLINED_IN_YEAR".equals(cap.condition())) {
            List<Inputs.Discipline> ds = inputs.disciplines(s.id(), year);
            return ds.isEmpty() ? null : "the member was disciplined in " + year + " (" + ds.stream()
                    .map(d -> d.form() + " on " + d.decidedOn()).collect(Collectors.joining(", ")) + ")";
        }
        if ("UNEXCUSED_ABSENCES_AT_LEAST".equals(cap.condition())) {
            long absences = inputs.attendance("member_id", s.id(), year).absentUnexcused();
            return absences < cap.threshold() ? null
                    : "the member missed " + absences + " meetings without excuse in " + year + " (threshold " + cap.threshold() + ")";
        }
        return null;
    }

    /** The quotas of the level, counted over the cycle or the subject's organization with this decision included. */
    public void checkQuotas(PolicyDocument policy, Cycle c, Subject s, PolicyDocument.Level level) {
        for (PolicyDocument.Quota quota : policy.quotas()) {
            if (quota.subject() != s.type() || !quota.level().equals(level.code())) {
                continue;
            }
            boolean inOrg = "ORGANIZATION".equals(quota.within());
            long[] counts = ratings.decidedAt(c.id(), s.type(), inOrg ? s.org().id : null, quota.level(), quota.relativeTo());
            QuotaRule.check(quota, counts[0], counts[1], inOrg ? " in " + s.org().name : " in this cycle");
        }
    }
}
