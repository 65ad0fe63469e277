package vn.grassroots.evaluations.domain;

import java.time.Instant;
import java.util.UUID;

/** A rating policy as stored: versioned data, never edited once created; its rules are the {@link PolicyDocument}. */
public record Policy(UUID id, String code, String name, String source, int fromYear, Integer toYear, boolean builtIn,
        PolicyDocument rules, Instant createdAt, String createdBy) {}
