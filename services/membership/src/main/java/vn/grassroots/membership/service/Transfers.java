package vn.grassroots.membership.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.membership.domain.Transfer;

/** What TransferService is asked and answers: the request and response bodies of /api/v1/transfers. */
public final class Transfers {
    private Transfers() {}

    @Schema(name = "IssueTransfer", description = "The sending side issues a transfer with its introduction letter (giấy giới thiệu sinh hoạt đảng)")
    public record Issue(
            @NotNull UUID memberId,
            @NotNull @Schema(description = "OFFICIAL (chính thức) or TEMPORARY (tạm thời)") Transfer.Kind kind,
            @NotNull @Schema(description = "The receiving (or, temporary, host) cell or party group") UUID toOrganizationId,
            @NotBlank @Size(max = 100) @Schema(example = "15-GGT/HU") String introductionLetterNumber,
            @NotNull @PastOrPresent LocalDate issuedOn,
            @Schema(description = "TEMPORARY: the last day in the host cell") LocalDate endDate,
            @Size(max = 1000) String reason) {}

    @Schema(name = "AcceptTransfer", description = "The receiving side accepts the member")
    public record Accept(@NotNull @PastOrPresent LocalDate acceptedOn) {}

    @Schema(name = "Transfer", description = "A transfer; an OFFICIAL one that is PENDING leaves the member in transit, counted by neither side")
    public record View(UUID id, UUID memberId, String memberName, Transfer.Kind kind, UUID fromOrganizationId, String fromOrganizationName,
            UUID toOrganizationId, String toOrganizationName, String introductionLetterNumber, LocalDate issuedOn, LocalDate endDate,
            String reason, Transfer.Status status, LocalDate acceptedOn, String issuedBy, String acceptedBy,
            @Schema(description = "TEMPORARY and ACCEPTED and not past its end date") boolean activeInHost, long version) {}
}
