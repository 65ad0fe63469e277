package vn.grassroots.common.tree;

import java.util.UUID;

/** One organization as the organization service last described it: a row of org_ref. */
public record OrganizationNode(UUID id, UUID parentId, String path, int depth, String type, String status, String name,
        String sector, long version) {}
