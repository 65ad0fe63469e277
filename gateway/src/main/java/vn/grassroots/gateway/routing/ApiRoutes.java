package vn.grassroots.gateway.routing;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.security.identity.SecurityIdentity;
import vn.grassroots.gateway.limits.RateLimits;
import vn.grassroots.gateway.problem.Problems;
import vn.grassroots.gateway.security.VerifiedTokens;

/**
 * Everything under /api goes to the service whose prefix matches, once its token is checked: by Quarkus' HTTP permission
 * the first time the gateway sees the token, by {@link VerifiedTokens} after that.
 */
@Singleton
public class ApiRoutes {

    /** Read by the Quarkus Micrometer binder: one metric series per route instead of one per URL. */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;
    private final UpstreamProxy proxy;
    private final GatewayConfig.Body bodies;
    private final GatewayConfig.RequestHead head;
    private final VerifiedTokens tokens;
    private final RateLimits limits;

    public ApiRoutes(RouteTable routes, UpstreamProxy proxy, GatewayConfig config, VerifiedTokens tokens, RateLimits limits) {
        this.routes = routes;
        this.proxy = proxy;
        this.tokens = tokens;
        this.limits = limits;
        this.bodies = config.body();
        this.head = config.request();
    }

    void install(@Observes Router router) {
        // After the correlation id (-1000) and CORS (-300), so that a browser can read the refusal; before all else.
        router.route().order(-275).handler(this::requestLimits);
        // Early, so that 401s for made-up paths do not each open a metric series either.
        router.route("/api/*").order(-999).handler(this::nameForMetrics);
        // After the refusal of calls without credentials (-225), before Quarkus' authentication (-200).
        router.route("/api/*").order(-210).handler(this::knownToken);
        router.route("/api/*").handler(this::forward);
    }

    /**
     * A token verified before (and not expired) is let through here, without Quarkus' authentication and permission
     * handlers: /api/* asks for nothing more than a verified token, and their Mutiny pipelines cost about a sixth of the
     * gateway's CPU per proxied read. A token seen for the first time goes on to them and is remembered there.
     */
    private void knownToken(RoutingContext ctx) {
        SecurityIdentity identity = tokens.known(ctx);
        if (identity == null) {
            ctx.next();
            return;
        }
        if (limits.admit(ctx, identity)) {
            forward(ctx);
        }
    }

    /**
     * Vert.x answers a too long request line or header block with an empty 414 or 431; its limits are set far above
     * these (application.properties), so that the answer is a problem like every other. The line limit is the services'
     * own, so that nothing the gateway passes is refused bodiless behind it.
     */
    private void requestLimits(RoutingContext ctx) {
        if (ctx.request().uri().length() > head.maxUriChars()) {
            Problems.send(ctx, 414, "uri-too-long", "URI too long", "The request URI exceeds " + head.maxUriChars() + " characters");
            return;
        }
        long headerBytes = 0;
        for (var h : ctx.request().headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > head.maxHeaderBytes()) {
            Problems.send(ctx, 431, "headers-too-large", "Request header fields too large",
                    "The request headers exceed " + head.maxHeaderBytes() + " bytes");
            return;
        }
        ctx.next();
    }

    private void nameForMetrics(RoutingContext ctx) {
        if (VertxContext.isOnDuplicatedContext()) {
            String template = routes.match(ctx.normalizedPath()).map(u -> u.prefix() + "/*").orElse("/api/*");
            Vertx.currentContext().putLocal(METRICS_URI_TEMPLATE, template);
        }
        ctx.next();
    }

    /** The body limit of a path: the large one on the configured file-taking paths. */
    long bodyLimit(String path) {
        for (String p : bodies.largePaths().orElse(List.of())) {
            if (path.equals(p) || path.startsWith(p + "/")) {
                return bodies.largeMaxBytes();
            }
        }
        return bodies.maxBytes();
    }

    private void forward(RoutingContext ctx) {
        // The normalized path (no dot segments) is what the permission check saw, so it is what is routed and sent.
        String path = ctx.normalizedPath();
        Optional<Upstream> target = routes.match(path);
        if (target.isEmpty()) {
            Problems.notFound(ctx, "No API at " + path);
            return;
        }
        // Vert.x refuses bodies above the largest limit; the proxy counts every body against the limit of its path.
        ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, bodyLimit(path));
        Upstream upstream = target.get();
        proxy.forward(ctx, upstream, ctx.request().method(), path, ctx.request().query(), UpstreamProxy.requestHeaders(ctx), true);
    }
}
