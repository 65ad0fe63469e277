package vn.grassroots.evaluations.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One stored rating (đánh giá, xếp loại) of a member or an organization in a cycle, with each step of its workflow:
 * the self-assessment, the proposal, the decision, and the last step sent back.
 */
public record Rating(UUID id, UUID cycleId, int year, SubjectType type, UUID subjectId, String subjectName, UUID orgId,
        String orgPath, String orgType, String sector, RatingState state, Map<String, BigDecimal> scores, BigDecimal total,
        String text, String selfBy, Instant selfAt, Inputs inputs, String proposedLevel, String proposalNote, String proposedBy,
        Instant proposedAt, String decidedLevel, String decisionNote, String decidedBy, Instant decidedAt,
        String sentBackReason, String sentBackBy, Instant sentBackAt, long version) {}
