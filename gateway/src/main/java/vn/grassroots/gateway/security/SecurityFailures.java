package vn.grassroots.gateway.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import vn.grassroots.gateway.problem.Problems;

/**
 * Tokens are checked by quarkus-oidc (HTTP permission in application.properties), whose refusals have no body: a
 * missing, forged, expired or foreign token gets a 401 problem here (with its WWW-Authenticate challenge). While
 * Keycloak cannot be reached, quarkus-oidc fails the request with an OIDCException, which would be a bare 500;
 * callers get a 503 problem instead, like for any other unavailable dependency.
 */
@Singleton
public class SecurityFailures {

    private static final Logger LOG = Logger.getLogger(SecurityFailures.class);

    void install(@Observes Router router) {
        router.route().order(-1000).failureHandler(this::handle);
        // Without any credentials quarkus-oidc answers the challenge itself, bodiless: answered here first, after
        // CORS (-300) and the limit of calls without a token (-250), before authentication (-200).
        router.route("/api/*").order(-225).handler(this::requireCredentials);
    }

    private void requireCredentials(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.OPTIONS && ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(ctx, 401, "unauthorized", "Unauthorized", "a valid bearer token for this API is required");
            return;
        }
        ctx.next();
    }

    private void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        if (ctx.failure() instanceof AuthenticationFailedException || ctx.failure() instanceof UnauthorizedException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(ctx, 401, "unauthorized", "Unauthorized", "a valid bearer token for this API is required");
            return;
        }
        if (ctx.failure() instanceof ForbiddenException) {
            Problems.send(ctx, 403, "forbidden", "Forbidden", "your roles do not allow this operation");
            return;
        }
        if (!causedByOidc(ctx.failure())) {
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
