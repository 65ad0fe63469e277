package vn.grassroots.common.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Where an organization sits in the tree. The organization service answers from its own table,
 * every other service from its read model of organizations.
 */
public interface OrganizationPaths {
    Optional<String> pathOf(UUID organizationId);
}
