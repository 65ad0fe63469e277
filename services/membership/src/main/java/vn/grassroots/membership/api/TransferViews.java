package vn.grassroots.membership.api;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.membership.domain.Transfer;
import vn.grassroots.membership.service.Results;

/**
 * The transfers' response body. Its simple name stays {@code View}: the contract names its page after it (PageView1).
 */
public final class TransferViews {
    private TransferViews() {}

    @Schema(name = "Transfer", description = "A transfer; an OFFICIAL one that is PENDING leaves the member in transit, counted by neither side")
    public record View(UUID id, UUID memberId, String memberName, Transfer.Kind kind, UUID fromOrganizationId, String fromOrganizationName,
            UUID toOrganizationId, String toOrganizationName, String introductionLetterNumber, LocalDate issuedOn, LocalDate endDate,
            String reason, Transfer.Status status, LocalDate acceptedOn, String issuedBy, String acceptedBy,
            @Schema(description = "TEMPORARY and ACCEPTED and not past its end date") boolean activeInHost, long version) {
        public static View of(Results.TransferState t) {
            return new View(t.id(), t.memberId(), t.memberName(), t.kind(), t.fromOrganizationId(), t.fromOrganizationName(),
                    t.toOrganizationId(), t.toOrganizationName(), t.introductionLetterNumber(), t.issuedOn(), t.endDate(),
                    t.reason(), t.status(), t.acceptedOn(), t.issuedBy(), t.acceptedBy(), t.activeInHost(), t.version());
        }
    }
}
