package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A "flaky" service that this test starts, stops in the middle of the run and starts again on the same
 * port: retries, the circuit breaker and the health check see a real listener come and go.
 */
@QuarkusTest
@TestProfile(ResilienceTest.Flaky.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceTest {

    public static class Flaky implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "grassroots.routes.flaky.prefix", "/api/v1/flaky",
                    "grassroots.routes.flaky.url", "http://localhost:" + freePort(),
                    "grassroots.upstream.failure-threshold", "3",
                    "grassroots.upstream.open-delay", "2s",
                    "grassroots.upstream.retry-delay", "20ms");
        }
    }

    private static final String FLAKY = "/api/v1/flaky";
    private static Vertx vertx;
    private static HttpServer server;
    private static final AtomicInteger hits = new AtomicInteger();
    private static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        stopService();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    @Order(1)
    void aServiceStoppedMidRunOpensItsCircuitAndComesBackAfterTheDelay() throws Exception {
        startService();
        given().header("Authorization", Fixtures.organizer()).get(FLAKY + "/1").then().statusCode(200);
        health().body("checks.find { it.name == 'flaky service' }.status", equalTo("UP"));

        stopService();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            given().header("Authorization", Fixtures.organizer()).get(FLAKY + "/1")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("https://grassroots.vn/problems/upstream-unavailable"),
                            "detail", equalTo("flaky service is unavailable"));
            assertTrue(millisSince(start) < 1500, "refused connection answered quickly");
        }
        health().statusCode(503)
                .body("status", equalTo("DOWN"),
                        "checks.find { it.name == 'flaky service' }.status", equalTo("DOWN"),
                        "checks.find { it.name == 'flaky service' }.data.url", matchesPattern("http://localhost:[0-9]+/q/health/ready"),
                        "checks.find { it.name == 'organization service' }.status", equalTo("UP"));

        // Back on its port, but the circuit is open: refused at once, without a call to it.
        startService();
        int before = hits.get();
        given().header("Authorization", Fixtures.organizer()).get(FLAKY + "/1")
                .then().statusCode(503).header("Retry-After", matchesPattern("[12]"))
                .body("detail", equalTo("flaky service is unavailable"));
        assertEquals(before, hits.get(), "an open circuit does not call the service");
        // Other services are not affected by that circuit.
        given().header("Authorization", Fixtures.organizer()).get("/api/v1/organizations/1").then().statusCode(200);

        Thread.sleep(2100);
        given().header("Authorization", Fixtures.organizer()).get(FLAKY + "/1").then().statusCode(200);
        given().header("Authorization", Fixtures.organizer()).get(FLAKY + "/1").then().statusCode(200);
        health().body("checks.find { it.name == 'flaky service' }.status", equalTo("UP"));
    }

    @Test
    @Order(2)
    void aDroppedConnectionIsRetriedForGetButNeverForPost() {
        startService();
        String get = FLAKY + "/drop-once/" + UUID.randomUUID();
        given().header("Authorization", Fixtures.organizer()).get(get).then().statusCode(200);
        assertEquals(2, attempts.get(get).get(), "the GET was sent again");

        String post = FLAKY + "/drop-once/" + UUID.randomUUID();
        given().header("Authorization", Fixtures.organizer()).contentType("application/json").body("{\"name\":\"Chi bộ\"}")
                .post(post).then().statusCode(503).body("detail", equalTo("flaky service is unavailable"));
        assertEquals(1, attempts.get(post).get(), "a POST is sent once only");
    }

    @Test
    @Order(3)
    void aSlowServiceIsNotRetried() {
        startService();
        String slow = FLAKY + "/silent/" + UUID.randomUUID();
        // The FakeUpstream resource sets grassroots.upstream.timeout=2s.
        given().header("Authorization", Fixtures.organizer()).get(slow).then().statusCode(503);
        assertEquals(1, attempts.get(slow).get(), "a timeout is not a connection failure");
    }

    private static io.restassured.response.ValidatableResponse health() {
        return given().get("/q/health").then();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static synchronized void startService() {
        if (server != null) {
            return;
        }
        int port = URI.create(ConfigProvider.getConfig().getValue("grassroots.routes.flaky.url", String.class)).getPort();
        server = vertx.createHttpServer().requestHandler(ResilienceTest::handle);
        try {
            server.listen(port, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("flaky service did not start on " + port, e);
        }
    }

    private static synchronized void stopService() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
            server = null;
        }
    }

    private static void handle(HttpServerRequest req) {
        hits.incrementAndGet();
        int attempt = attempts.computeIfAbsent(req.path(), p -> new AtomicInteger()).incrementAndGet();
        if (req.path().contains("/drop-once/") && attempt == 1) {
            req.connection().close();
            return;
        }
        if (req.path().contains("/silent/")) {
            return;
        }
        req.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
