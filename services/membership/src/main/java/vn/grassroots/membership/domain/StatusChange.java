package vn.grassroots.membership.domain;

import java.time.Instant;

/** One entry of a member's status history (member_status_change): from null when the member was registered or admitted. */
public record StatusChange(MemberStatus fromStatus, MemberStatus toStatus, String reason, Decision decision, String recordedBy,
        Instant recordedAt) {}
