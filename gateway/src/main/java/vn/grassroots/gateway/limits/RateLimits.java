package vn.grassroots.gateway.limits;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.grassroots.gateway.problem.Problems;
import vn.grassroots.gateway.routing.GatewayConfig;

/**
 * Rate limits at the edge. A call with a checked token takes one token from its client's bucket
 * ({@code azp}) and one from its user's ({@code sub}); a call without a token takes one from its remote
 * address's. Each key has its own bucket, so one busy client or user never uses up another's.
 */
@Singleton
public class RateLimits {

    /** After CORS (-300), so preflights are not counted, and before authentication (-200). */
    static final int ANONYMOUS_ORDER = -250;
    /** After authorization (-100): the token is checked and its claims can be trusted. */
    static final int AUTHENTICATED_ORDER = -50;
    private static final long SWEEP_MILLIS = 30_000;

    private final boolean enabled;
    private final Buckets clients;
    private final Buckets users;
    private final Buckets addresses;
    private final Vertx vertx;
    private long sweeper = -1;

    public RateLimits(GatewayConfig config, Vertx vertx) {
        GatewayConfig.RateLimits limits = config.rateLimit();
        this.enabled = limits.enabled();
        this.vertx = vertx;
        clients = new Buckets("client", limits.client(), limits.maxBuckets());
        users = new Buckets("user", limits.user(), limits.maxBuckets());
        addresses = new Buckets("address", limits.anonymous(), limits.maxBuckets());
    }

    void install(@Observes Router router) {
        if (!enabled) {
            return;
        }
        router.route().order(ANONYMOUS_ORDER).handler(this::anonymous);
        router.route("/api/*").order(AUTHENTICATED_ORDER).handler(this::authenticated);
        sweeper = vertx.setPeriodic(SWEEP_MILLIS, id -> {
            long now = System.nanoTime();
            clients.sweep(now);
            users.sweep(now);
            addresses.sweep(now);
        });
    }

    @PreDestroy
    void stop() {
        if (sweeper != -1) {
            vertx.cancelTimer(sweeper);
        }
    }

    private void anonymous(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        // What reaches a service (/api, /openapi) is limited; Swagger UI files and /q/health are not.
        boolean limited = path.startsWith("/api/") || path.startsWith("/openapi/");
        // A call with a token is limited after its check, in its client's and user's buckets: refusing by
        // address before that would also refuse the good tokens of everyone behind the same NAT.
        if (!limited || ctx.request().headers().contains("Authorization") || ctx.request().remoteAddress() == null) {
            ctx.next();
            return;
        }
        String address = ctx.request().remoteAddress().hostAddress();
        long wait = addresses.take(address, System.nanoTime());
        if (wait == 0) {
            ctx.next();
        } else {
            Problems.tooManyRequests(ctx, seconds(wait), "Too many calls without a token from " + address);
        }
    }

    private void authenticated(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user) || admit(ctx, user.getSecurityIdentity())) {
            ctx.next();
        }
    }

    /**
     * Takes a call of a verified identity from its client's and user's buckets; false when one is empty, the 429
     * answer then sent.
     */
    public boolean admit(RoutingContext ctx, SecurityIdentity identity) {
        if (!enabled || !(identityToken(identity) instanceof JsonWebToken token)) {
            return true;
        }
        long now = System.nanoTime();
        String client = token.getClaim("azp");
        String subject = token.getSubject();
        if (client != null) {
            long wait = clients.take(client, now);
            if (wait != 0) {
                Problems.tooManyRequests(ctx, seconds(wait), "Too many calls from client " + client);
                return false;
            }
        }
        if (subject != null) {
            long wait = users.take(subject, now);
            if (wait != 0) {
                if (client != null) {
                    clients.giveBack(client);
                }
                Problems.tooManyRequests(ctx, seconds(wait), "Too many calls from this user");
                return false;
            }
        }
        return true;
    }

    private static Object identityToken(SecurityIdentity identity) {
        return identity == null ? null : identity.getPrincipal();
    }

    /** Retry-After is whole seconds, at least one. */
    private static long seconds(long nanos) {
        return Math.max(1, Math.min(3600, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1)));
    }
}
