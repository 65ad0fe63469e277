package vn.grassroots.organization.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.grassroots.common.web.Versioned;
import vn.grassroots.organization.domain.Decision;
import vn.grassroots.organization.domain.OrganizationState;
import vn.grassroots.organization.domain.OrganizationStatus;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;

/** An organization as the API shows it: the same fields as its events and state records ({@link OrganizationState}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Organization", description = "A Party organization (tổ chức đảng)")
public record OrganizationView(
        UUID id,
        @Schema(description = "Parent organization (tổ chức cấp trên trực tiếp)") UUID parentId,
        @Schema(description = "Materialized path from the root: ids joined by '/'", example = "/10000000-0000-4000-8000-000000000001/") String path,
        @Schema(description = "0 for a root") int depth,
        OrganizationType type,
        Sector sector,
        OrganizationStatus status,
        @Schema(description = "Name (tên)", example = "Đảng bộ xã Quài Cang") String name,
        @Schema(description = "Official code (mã tổ chức), unique") String code,
        String address,
        @Schema(description = "Founding date (ngày thành lập)") LocalDate foundedOn,
        @Schema(description = "Founding decision (quyết định thành lập)") Decision foundingDecision,
        @Schema(description = "Date dissolved or merged") LocalDate dissolvedOn,
        @Schema(description = "Decision that dissolved, merged or split it") Decision dissolutionDecision,
        String dissolutionReason,
        @Schema(description = "The organization it was merged into (sáp nhập vào)") UUID mergedIntoId,
        @Schema(description = "Version, also the ETag") long version,
        Instant createdAt,
        Instant updatedAt) implements Versioned {

    public static OrganizationView of(OrganizationState o) {
        return new OrganizationView(o.id(), o.parentId(), o.path(), o.depth(), o.type(), o.sector(), o.status(), o.name(),
                o.code(), o.address(), o.foundedOn(), o.foundingDecision(), o.dissolvedOn(), o.dissolutionDecision(),
                o.dissolutionReason(), o.mergedIntoId(), o.version(), o.createdAt(), o.updatedAt());
    }
}
