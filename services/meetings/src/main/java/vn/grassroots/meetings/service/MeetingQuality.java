package vn.grassroots.meetings.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Scope;
import vn.grassroots.common.web.ETags;
import vn.grassroots.meetings.domain.Meeting;
import vn.grassroots.meetings.domain.MeetingState;
import vn.grassroots.meetings.events.MeetingEvents;

/** The quality of a held meeting (chất lượng sinh hoạt): the cell's own rating by criteria, the superior's review. */
@ApplicationScoped
public class MeetingQuality {
    private final Access access;
    private final MeetingQueries queries;
    private final MeetingEvents events;
    private final AuditTrail audit;
    private final QualityCriteria quality;

    public MeetingQuality(Access access, MeetingQueries queries, MeetingEvents events, AuditTrail audit,
            QualityCriteria quality) {
        this.access = access;
        this.queries = queries;
        this.events = events;
        this.audit = audit;
        this.quality = quality;
    }

    @Transactional
    public Results.MeetingDetails rate(UUID id, Commands.Quality in, String ifMatch) {
        Meeting m = queries.forChange(id);
        ETags.check(ifMatch, m.version);
        if (m.state != MeetingState.HELD && m.state != MeetingState.MINUTES_APPROVED) {
            throw ProblemException.conflict("invalid-state", "only a held meeting is rated; this one is " + m.state);
        }
        if (m.qualityReview != null) {
            throw ProblemException.conflict("quality-reviewed", "the superior has reviewed this rating; it no longer changes");
        }
        Map<String, Integer> scores = scores(in.criteria());
        int score = scores.values().stream().mapToInt(Integer::intValue).sum();
        m.qualityScore = score;
        m.qualityLevel = quality.level(score);
        m.qualityCriteria = scores;
        m.qualityComment = in.comment();
        m.qualityRatedBy = access.caller().name();
        m.touch(Instant.now());
        events.qualityRated(m);
        audit.record("meeting.quality-rated", "Meeting", m.id, m.organizationPath, null, Map.of("score", score, "criteria", scores));
        return Results.MeetingDetails.of(m);
    }

    @Transactional
    public Results.MeetingDetails review(UUID id, Commands.Review in, String ifMatch) {
        Meeting m = queries.forChange(id);
        ETags.check(ifMatch, m.version);
        Scope scope = access.caller().scope();
        if (!scope.isAll() && scope.prefix().equals(m.organizationPath)) {
            throw ProblemException.forbidden("the quality rating is reviewed by the superior organization, not by the cell itself");
        }
        if (m.qualityScore == null) {
            throw ProblemException.unprocessable("not-rated", "the meeting has no quality rating to review yet");
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("agreed", in.agreed());
        review.put("comment", in.comment());
        review.put("reviewedBy", access.caller().name());
        review.put("reviewedAt", Instant.now().toString());
        m.qualityReview = review;
        m.touch(Instant.now());
        events.state(m);
        audit.record("meeting.quality-reviewed", "Meeting", m.id, m.organizationPath, null, review);
        return Results.MeetingDetails.of(m);
    }

    /** A score for every criterion of the configured set, each within its maximum, none twice. */
    private Map<String, Integer> scores(List<Commands.CriterionScore> criteria) {
        Map<String, Integer> config = quality.criteria();
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            Commands.CriterionScore c = criteria.get(i);
            String code = c.code().trim().toUpperCase();
            Integer max = config.get(code);
            if (max == null) {
                throw ProblemException.unprocessable("unknown-criterion", code + " is not a criterion; the set is " + config,
                        new FieldError("criteria[" + i + "].code", "must be one of " + config.keySet()));
            }
            if (c.score() > max) {
                throw ProblemException.unprocessable("score-above-maximum", code + " is worth at most " + max + " points",
                        new FieldError("criteria[" + i + "].score", "must be at most " + max));
            }
            if (scores.put(code, c.score()) != null) {
                throw ProblemException.invalid("criteria[" + i + "].code", "is scored twice");
            }
        }
        Set<String> missing = new HashSet<>(config.keySet());
        missing.removeAll(scores.keySet());
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable("criteria-incomplete", "score every criterion; missing " + missing,
                    new FieldError("criteria", "missing " + missing));
        }
        return scores;
    }
}
