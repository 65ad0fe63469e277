package vn.grassroots.organization.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;
import vn.grassroots.common.text.MultiLine;
import vn.grassroots.organization.domain.Decision;
import vn.grassroots.organization.domain.Position;

/** What the services are asked to do: the request bodies of the organization API, validated there. */
public final class Commands {
    private Commands() {}

    @Schema(name = "CreateOrganization", description = "Found an organization (thành lập tổ chức đảng)")
    public record CreateOrganization(
            @Schema(description = "Optional id chosen by the caller (e.g. kept from another system); generated when absent") UUID id,
            @Schema(description = "Parent; absent only for a provincial committee") UUID parentId,
            @NotNull OrganizationType type,
            @NotNull Sector sector,
            @NotBlank @Size(max = 300) @Schema(example = "Chi bộ bản Cang") String name,
            @Size(max = 50) String code,
            @Size(max = 500) String address,
            LocalDate foundedOn,
            @Valid Decision foundingDecision) {}

    @Schema(name = "UpdateOrganization", description = "The editable fields; the parent changes only by a move")
    public record UpdateOrganization(
            @NotNull OrganizationType type,
            @NotNull Sector sector,
            @NotBlank @Size(max = 300) String name,
            @Size(max = 50) String code,
            @Size(max = 500) String address,
            LocalDate foundedOn,
            @Valid Decision foundingDecision) {}

    @Schema(name = "MoveOrganization", description = "Move under another parent (chuyển tổ chức)")
    public record Move(@NotNull UUID newParentId, @NotNull @Valid Decision decision) {}

    @Schema(name = "MergeOrganizations", description = "Merge organizations into one (sáp nhập): the sources end as MERGED and their sub-organizations move under the target")
    public record Merge(@NotEmpty @Size(max = 50) List<@NotNull UUID> sourceIds, @NotNull UUID targetId,
            @NotNull @Valid Decision decision) {}

    @Schema(name = "SplitPart", description = "One organization a split creates")
    public record SplitPart(UUID id, @NotBlank @Size(max = 300) String name,
            @Schema(description = "Defaults to the type of the organization split") OrganizationType type,
            @Schema(description = "Defaults to the sector of the organization split") Sector sector,
            @Size(max = 50) String code,
            @Schema(description = "Sub-organizations of the split organization that go to this part") List<@NotNull UUID> childIds) {}

    @Schema(name = "SplitOrganization", description = "Split an organization into new ones under the same parent (chia tách); every sub-organization must go to one part")
    public record Split(@NotNull @Size(min = 2, max = 20) List<@NotNull @Valid SplitPart> parts, @NotNull @Valid Decision decision) {}

    @Schema(name = "DissolveOrganization", description = "Dissolve (giải thể); refused while active sub-organizations remain")
    public record Dissolve(@NotNull @Valid Decision decision, @Size(max = 1000) @MultiLine String reason) {}

    @Schema(name = "CreateCommittee", description = "The committee (cấp ủy) of a term (nhiệm kỳ)")
    public record CreateCommittee(
            @NotNull @Pattern(regexp = "\\d{4}-\\d{4}", message = "must look like 2025-2030") @Schema(example = "2025-2030") String term,
            @Schema(description = "Election date (ngày bầu)") LocalDate electedOn,
            @Valid @Schema(description = "Decision recognizing the committee (quyết định chuẩn y)") Decision decision) {}

    @Schema(name = "AssignPosition", description = "Seat a member in the committee")
    public record AssignPosition(
            @NotNull @Schema(description = "The member's id in the membership service") UUID memberId,
            @Size(max = 200) @Schema(example = "Lò Văn Pọm") String memberName,
            @NotNull Position position,
            @Size(max = 10) @Schema(description = "Concurrent roles (kiêm nhiệm)", example = "[\"Trưởng bản\"]") List<@NotBlank @Size(max = 100) String> concurrentRoles,
            @NotNull LocalDate since) {}

    @Schema(name = "EndPosition", description = "End a seat (thôi giữ chức)")
    public record EndPosition(@NotNull LocalDate until, @Size(max = 500) @MultiLine String reason) {}

    @Schema(name = "CreateRegulation", description = "Working regulations (quy chế làm việc)")
    public record CreateRegulation(
            @NotBlank @Size(max = 100) @Schema(example = "01-QC/ĐU") String documentNumber,
            @NotNull LocalDate issuedOn,
            @NotBlank @Size(max = 500) String title,
            @Pattern(regexp = "\\d{4}-\\d{4}", message = "must look like 2025-2030") String term) {}
}
