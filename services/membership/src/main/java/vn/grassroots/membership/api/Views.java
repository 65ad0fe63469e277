package vn.grassroots.membership.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.problem.Problem;
import vn.grassroots.common.web.CorrelationId;
import vn.grassroots.membership.domain.Decision;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.StatusChange;
import vn.grassroots.membership.service.Results;

/** Response bodies of the membership API that are the API's own; the rest are the services' {@link Results}. */
public final class Views {
    private Views() {}

    @Schema(name = "MemberStatusChange", description = "One entry of a member's status history")
    public record StatusChangeView(MemberStatus fromStatus, MemberStatus toStatus, String reason, Decision decision,
            String recordedBy, Instant recordedAt) {
        public static StatusChangeView of(StatusChange c) {
            return new StatusChangeView(c.fromStatus(), c.toStatus(), c.reason(), c.decision(), c.recordedBy(), c.recordedAt());
        }
    }

    @Schema(name = "MemberImportRefused", description = "Problem details (422 import-refused) carrying the report of an "
            + "all-or-nothing import that found bad rows: nothing was imported")
    public record ImportRefused(String type, String title, int status, String detail, String correlationId, UUID importId,
            String mode, int total, int imported, int rejected, List<Results.RowError> errors) {
        public static ImportRefused of(Results.ImportReport r) {
            return new ImportRefused(Problem.TYPE_BASE + "import-refused", "Unprocessable request", 422,
                    r.rejected() + " of " + r.total() + " rows are bad; nothing was imported", CorrelationId.current(),
                    r.importId(), r.mode(), r.total(), r.imported(), r.rejected(), r.errors());
        }
    }
}
