package vn.grassroots.organization.service;

import java.util.List;
import java.util.UUID;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;
import vn.grassroots.organization.domain.OrganizationStatus;

/** What a caller narrows a list to; null fields do not filter. The service adds the caller's scope. */
public record OrganizationQuery(UUID parentId, List<OrganizationType> types, List<Sector> sectors,
        List<OrganizationStatus> statuses, String nameQuery, Integer maxDepth) {}
