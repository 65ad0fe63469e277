package vn.grassroots.gateway.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheckResponse;
import vn.grassroots.gateway.routing.GatewayConfig;
import vn.grassroots.gateway.routing.RouteTable;
import vn.grassroots.gateway.routing.Upstream;

/**
 * One check per upstream in {@code /q/health}: its own {@code /q/health/ready}, with a short timeout.
 * They are wellness checks, not readiness: a stopped service must not take the gateway out of a load
 * balancer, since the gateway still answers for it (a 503 problem) and for every other service.
 */
@Singleton
public class UpstreamHealth {

    static final String READY = "/q/health/ready";

    private final RouteTable routes;
    private final HealthRegistry registry;
    private final HttpClient client;
    private final long timeoutMillis;

    public UpstreamHealth(RouteTable routes, @Wellness HealthRegistry registry, Vertx vertx, GatewayConfig config) {
        this.routes = routes;
        this.registry = registry;
        this.timeoutMillis = config.upstream().healthTimeout().toMillis();
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis),
                new PoolOptions().setHttp1MaxSize(2));
    }

    void register(@Observes StartupEvent start) {
        for (Upstream upstream : routes.all()) {
            registry.register(upstream.name() + "-upstream", (AsyncHealthCheck) () -> check(upstream));
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private Uni<HealthCheckResponse> check(Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.basePath() + READY)
                .setTimeout(timeoutMillis);
        String url = (upstream.ssl() ? "https://" : "http://") + upstream.host() + ":" + upstream.port()
                + upstream.basePath() + READY;
        var answer = client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()));
        return Uni.createFrom().completionStage(answer.toCompletionStage())
                .map(status -> HealthCheckResponse.named(upstream.name() + " service").status(status == 200)
                        .withData("url", url).withData("status", status).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(upstream.name() + " service").down()
                        .withData("url", url).withData("error", String.valueOf(failure.getMessage())).build());
    }
}
