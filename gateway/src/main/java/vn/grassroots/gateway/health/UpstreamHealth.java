package vn.grassroots.gateway.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;
import vn.grassroots.gateway.routing.GatewayConfig;
import vn.grassroots.gateway.routing.Pool;
import vn.grassroots.gateway.routing.RouteTable;
import vn.grassroots.gateway.routing.Upstream;

/**
 * One check per service in {@code /q/health}: its instances' own {@code /q/health/ready}, with a short timeout; up
 * while one instance is. They are wellness checks, not readiness: a stopped service must not take the gateway out of
 * a load balancer, since the gateway still answers for it (a 503 problem) and for every other service.
 * A service with several instances is also checked every {@code health-interval}: an instance failing its check gets
 * no calls while another can take them, and gets them again once it passes.
 */
@Singleton
public class UpstreamHealth {
    private static final Logger LOG = Logger.getLogger(UpstreamHealth.class);

    static final String READY = "/q/health/ready";

    private final RouteTable routes;
    private final HealthRegistry registry;
    private final HttpClient client;
    private final Vertx vertx;
    private final long timeoutMillis;
    private final long intervalMillis;
    private long timer = -1;

    public UpstreamHealth(RouteTable routes, @Wellness HealthRegistry registry, Vertx vertx, GatewayConfig config) {
        this.routes = routes;
        this.registry = registry;
        this.vertx = vertx;
        this.timeoutMillis = config.upstream().healthTimeout().toMillis();
        this.intervalMillis = config.upstream().healthInterval().toMillis();
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis),
                new PoolOptions().setHttp1MaxSize(4));
    }

    void register(@Observes StartupEvent start) {
        boolean several = false;
        for (Upstream upstream : routes.all()) {
            registry.register(upstream.name() + "-upstream", (AsyncHealthCheck) () -> check(upstream));
            several |= upstream.instances().size() > 1;
        }
        if (several) {
            timer = vertx.setPeriodic(intervalMillis, id -> checkInstances());
        }
    }

    @PreDestroy
    void close() {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
        client.close();
    }

    /** Takes out the instances that fail their check, puts back those that pass (services with several instances). */
    private void checkInstances() {
        for (Upstream upstream : routes.all()) {
            Pool pool = routes.pool(upstream.name());
            if (pool.instances().size() < 2) {
                continue;
            }
            for (Upstream.Instance instance : pool.instances()) {
                ready(instance).onComplete(status -> {
                    boolean ready = status.succeeded() && status.result() == 200;
                    if (ready != pool.healthy(instance)) {
                        LOG.infof("%s service at %s is %s", upstream.name(), instance.url(), ready ? "back" : "out: its health check fails");
                    }
                    pool.healthy(instance, ready);
                });
            }
        }
    }

    private Future<Integer> ready(Upstream.Instance instance) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setURI(instance.basePath() + READY)
                .setTimeout(timeoutMillis);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    private Uni<HealthCheckResponse> check(Upstream upstream) {
        List<Upstream.Instance> instances = upstream.instances();
        List<Future<Integer>> answers = instances.stream().map(this::ready).toList();
        Future<?> all = Future.join(answers);
        return Uni.createFrom().completionStage(all.otherwiseEmpty().toCompletionStage()).map(done -> {
            HealthCheckResponseBuilder b = HealthCheckResponse.named(upstream.name() + " service");
            boolean up = false;
            for (int i = 0; i < instances.size(); i++) {
                String suffix = instances.size() == 1 ? "" : "-" + (i + 1);
                Future<Integer> a = answers.get(i);
                b.withData("url" + suffix, instances.get(i).url() + READY);
                if (a.succeeded()) {
                    b.withData("status" + suffix, a.result());
                    up |= a.result() == 200;
                } else {
                    b.withData("error" + suffix, String.valueOf(a.cause() == null ? "no answer" : a.cause().getMessage()));
                }
            }
            return b.status(up).build();
        });
    }
}
