package vn.grassroots.gateway.openapi;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import vn.grassroots.gateway.correlation.CorrelationId;
import vn.grassroots.gateway.problem.Problems;
import vn.grassroots.gateway.routing.RouteTable;
import vn.grassroots.gateway.routing.UpstreamProxy;

/**
 * {@code GET /openapi/{service}}: the service's own OpenAPI document, fetched through the gateway so that
 * Swagger UI (same origin) can list every service and "Try it out" calls go through the gateway too.
 */
@Singleton
public class UpstreamOpenApi {

    static final String UPSTREAM_DOCUMENT = "/q/openapi";

    private final RouteTable routes;
    private final UpstreamProxy proxy;

    public UpstreamOpenApi(RouteTable routes, UpstreamProxy proxy) {
        this.routes = routes;
        this.proxy = proxy;
    }

    void install(@Observes Router router) {
        router.get("/openapi/:service").handler(this::document);
    }

    private void document(RoutingContext ctx) {
        String service = ctx.pathParam("service");
        routes.named(service).ifPresentOrElse(upstream -> {
            // Public documents: nothing of the caller's (no Authorization) is passed on.
            MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                    .set("Accept", "application/json")
                    .set(CorrelationId.HEADER, CorrelationId.of(ctx));
            proxy.forward(ctx, upstream, HttpMethod.GET, UPSTREAM_DOCUMENT, "format=json", headers, false);
        }, () -> Problems.notFound(ctx, "No service named " + service));
    }
}
