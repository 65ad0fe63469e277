package vn.grassroots.membership.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.membership.domain.Decision;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.StatusChange;

/**
 * A member's status history. Its name sorts first among the views on purpose: the OpenAPI scan goes through the
 * annotated classes in name order, and LocalDate must first be met here (in {@link Decision}), as it was before the views
 * moved to api, for the contract to stay the same.
 */
public final class HistoryViews {
    private HistoryViews() {}

    @Schema(name = "MemberStatusChange", description = "One entry of a member's status history")
    public record StatusChangeView(MemberStatus fromStatus, MemberStatus toStatus, String reason, Decision decision,
            String recordedBy, Instant recordedAt) {
        public static StatusChangeView of(StatusChange c) {
            return new StatusChangeView(c.fromStatus(), c.toStatus(), c.reason(), c.decision(), c.recordedBy(), c.recordedAt());
        }
    }
}
