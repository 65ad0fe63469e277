package vn.grassroots.gateway.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks a bearer token once, not on every call: quarkus-oidc verifies it (signature, issuer, expiry) the first time,
 * and the same token string is then taken as verified until it expires, at most {@code grassroots.tokens.cache-seconds}.
 * A mobile app sends the same token for minutes, and verifying it again (JSON parsing and an RSA signature check) cost
 * the gateway about as much CPU as the service spends answering a read. ApiRoutes asks {@link #known} first and lets a
 * known token's call through on its own. The services still verify every token.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {
    private static final String BEARER = "Bearer ";

    @Inject
    OidcAuthenticationMechanism oidc;

    @ConfigProperty(name = "grassroots.tokens.cache-seconds", defaultValue = "60")
    long cacheSeconds;

    @ConfigProperty(name = "grassroots.tokens.cache-size", defaultValue = "10000")
    int cacheSize;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(SecurityIdentity identity, long until) {}

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identityProviderManager) {
        String token = bearer(ctx);
        if (token == null) {
            return oidc.authenticate(ctx, identityProviderManager);
        }
        SecurityIdentity known = known(token);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        long now = System.currentTimeMillis();
        return oidc.authenticate(ctx, identityProviderManager).invoke(identity -> remember(token, identity, now));
    }

    /** The identity of the request's bearer token if it was verified before and has not expired; null otherwise. */
    public SecurityIdentity known(RoutingContext ctx) {
        String token = bearer(ctx);
        return token == null ? null : known(token);
    }

    private SecurityIdentity known(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (System.currentTimeMillis() < known.until()) {
            return known.identity();
        }
        verified.remove(token);
        return null;
    }

    private void remember(String token, SecurityIdentity identity, long now) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long until = Math.min(jwt.getExpirationTime() * 1000L, now + cacheSeconds * 1000L);
        if (until <= now) {
            return;
        }
        if (verified.size() >= cacheSize) {
            verified.values().removeIf(v -> v.until() <= now);
            if (verified.size() >= cacheSize) {
                verified.clear(); // many users at once: start over rather than grow without bound
            }
        }
        // Only what the gateway reads (principal, roles, credentials), not the first request's attributes.
        verified.put(token, new Verified(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .build(), until));
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext ctx) {
        return oidc.getChallenge(ctx);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext ctx) {
        return oidc.getCredentialTransport(ctx);
    }
}
