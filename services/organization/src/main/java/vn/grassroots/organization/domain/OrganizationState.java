package vn.grassroots.organization.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;

/**
 * An organization as its events, state records and audit trail show it, read from SQL organization_state(o). The API
 * shows the same fields (api.OrganizationView).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationState(UUID id, UUID parentId, String path, int depth, OrganizationType type, Sector sector,
        OrganizationStatus status, String name, String code, String address, LocalDate foundedOn,
        Decision foundingDecision, LocalDate dissolvedOn, Decision dissolutionDecision, String dissolutionReason,
        UUID mergedIntoId, long version, Instant createdAt, Instant updatedAt) {}
