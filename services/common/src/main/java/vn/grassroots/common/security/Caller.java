package vn.grassroots.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.grassroots.common.problem.ProblemException;

/**
 * Who is calling and where they may act: roles from the token, and the subtree rooted at the
 * organization named by the token's {@code org_id} claim. Every service checks this itself.
 */
@RequestScoped
public class Caller {
    public static final String ORG_CLAIM = "org_id";
    public static final String MEMBER_CLAIM = "member_id";

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final OrganizationPaths paths;

    public Caller(SecurityIdentity identity, JsonWebToken jwt, OrganizationPaths paths) {
        this.identity = identity;
        this.jwt = jwt;
        this.paths = paths;
    }

    private Scope scope;

    public String name() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String preferred = jwt.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    /** Who to record as the author of a change: the caller, or "system" outside a request (a Kafka consumer). */
    public static String actorOf(Caller caller) {
        try {
            String name = caller.name();
            return "anonymous".equals(name) ? "system" : name;
        } catch (RuntimeException e) {
            return "system"; // no request context at all
        }
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public Optional<UUID> organizationId() {
        return uuidClaim(ORG_CLAIM);
    }

    public Optional<UUID> memberId() {
        return uuidClaim(MEMBER_CLAIM);
    }

    /** Refuses with 403 unless the caller holds one of the roles. */
    public void requireRole(String... roles) {
        if (!hasAnyRole(roles)) {
            throw ProblemException.forbidden("this operation needs one of the roles " + String.join(", ", roles));
        }
    }

    /** The subtree this caller may act in: everything for admins, else the subtree of their organization. */
    public Scope scope() {
        if (scope == null) {
            scope = resolveScope();
        }
        return scope;
    }

    /** Refuses with 403 unless the organization at {@code path} lies in the caller's subtree. */
    public void requireInScope(String path, Object organizationId) {
        if (!scope().contains(path)) {
            throw ProblemException.outOfScope();
        }
    }

    private Scope resolveScope() {
        if (isAdmin()) {
            return Scope.ALL;
        }
        UUID org = organizationId().orElseThrow(() -> ProblemException.forbidden(
                "your token names no organization (claim org_id), so you have no scope"));
        return paths.pathOf(org).map(Scope::new).orElseThrow(() -> ProblemException.forbidden(
                "the organization " + org + " named by your token is unknown here"));
    }

    private Optional<UUID> uuidClaim(String claim) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(claim);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
