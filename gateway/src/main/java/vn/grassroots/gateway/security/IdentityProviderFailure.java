package vn.grassroots.gateway.security;

import io.quarkus.oidc.OIDCException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import vn.grassroots.gateway.problem.Problems;

/**
 * Tokens are checked by quarkus-oidc (HTTP permission in application.properties). While Keycloak cannot be
 * reached, quarkus-oidc fails the request with an OIDCException, which would be a bare 500; callers get a
 * 503 problem instead, like for any other unavailable dependency.
 */
@Singleton
public class IdentityProviderFailure {

    private static final Logger LOG = Logger.getLogger(IdentityProviderFailure.class);

    void install(@Observes Router router) {
        router.route().order(-1000).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (!causedByOidc(ctx.failure()) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        LOG.warnf("Cannot check the token of %s %s: %s", ctx.request().method(), ctx.request().path(),
                ctx.failure().getMessage());
        Problems.send(ctx, 503, "identity-provider-unavailable", "Service unavailable",
                "identity provider is unavailable, tokens cannot be checked");
    }

    private static boolean causedByOidc(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }
}
