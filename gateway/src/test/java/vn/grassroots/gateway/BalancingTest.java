package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A service of three instances: two that this test runs (a and b) and one whose port nobody listens on. Calls take
 * turns over the instances that can take them; the one refusing connections never costs a caller an error; an
 * instance whose health check fails is taken out and put back once it passes.
 */
@QuarkusTest
@TestProfile(BalancingTest.ThreeInstances.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalancingTest {
    static final int A = freePort();
    static final int B = freePort();
    static final int DOWN = freePort();

    public static class ThreeInstances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "grassroots.routes.pair.prefix", "/api/v1/pair",
                    "grassroots.routes.pair.url", "http://localhost:" + A + ",http://localhost:" + DOWN + ", http://localhost:" + B,
                    "grassroots.upstream.health-interval", "200ms",
                    "grassroots.upstream.retry-delay", "20ms");
        }
    }

    private static final String PAIR = "/api/v1/pair";
    private static Vertx vertx;
    private static final Map<Integer, AtomicInteger> hits = new ConcurrentHashMap<>();
    private static final AtomicBoolean aReady = new AtomicBoolean(true);

    @BeforeAll
    static void startInstances() throws Exception {
        vertx = Vertx.vertx();
        for (int port : new int[] {A, B}) {
            hits.put(port, new AtomicInteger());
            HttpServer server = vertx.createHttpServer().requestHandler(req -> {
                if (req.path().equals("/q/health/ready")) {
                    boolean ready = port != A || aReady.get();
                    req.response().setStatusCode(ready ? 200 : 503).end(ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                    return;
                }
                hits.get(port).incrementAndGet();
                req.response().putHeader("Content-Type", "application/json").end("{\"instance\":" + port + "}");
            });
            server.listen(port, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopInstances() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    @Order(1)
    void callsTakeTurnsAndTheInstanceThatRefusesConnectionsCostsNoCallerAnError() {
        int a = hits.get(A).get(), b = hits.get(B).get();
        for (int i = 0; i < 30; i++) {
            given().header("Authorization", Fixtures.organizer()).get(PAIR + "/" + i).then().statusCode(200);
        }
        int toA = hits.get(A).get() - a, toB = hits.get(B).get() - b;
        assertEquals(30, toA + toB);
        assertTrue(Math.abs(toA - toB) <= 2, "round robin: " + toA + " to a, " + toB + " to b");
        // the service is up while one instance is; each instance is named in its check
        given().get("/q/health").then()
                .body("checks.find { it.name == 'pair service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'pair service' }.data.'url-1'", equalTo("http://localhost:" + A + "/q/health/ready"))
                .body("checks.find { it.name == 'pair service' }.data.'status-1'", equalTo(200))
                .body("checks.find { it.name == 'pair service' }.data.'error-2'", org.hamcrest.Matchers.notNullValue())
                .body("checks.find { it.name == 'pair service' }.data.'status-3'", equalTo(200));
    }

    @Test
    @Order(2)
    void anInstanceFailingItsHealthCheckIsTakenOutAndPutBackWhenItPasses() throws InterruptedException {
        aReady.set(false);
        Thread.sleep(700);
        int a = hits.get(A).get();
        for (int i = 0; i < 10; i++) {
            given().header("Authorization", Fixtures.organizer()).get(PAIR + "/out/" + i).then().statusCode(200);
        }
        assertEquals(a, hits.get(A).get(), "no call to the instance failing its health check");

        aReady.set(true);
        Thread.sleep(700);
        for (int i = 0; i < 10; i++) {
            given().header("Authorization", Fixtures.organizer()).get(PAIR + "/back/" + i).then().statusCode(200);
        }
        assertTrue(hits.get(A).get() - a >= 4, "a is back: " + (hits.get(A).get() - a) + " of 10 calls");
    }

    @Test
    @Order(3)
    void aPostIsNeverSentTwiceButGoesOnlyWhereAnInstanceTakesIt() {
        int before = hits.get(A).get() + hits.get(B).get();
        for (int i = 0; i < 6; i++) {
            given().header("Authorization", Fixtures.organizer()).contentType("application/json").body("{\"n\":" + i + "}")
                    .post(PAIR).then().statusCode(200);
        }
        assertEquals(before + 6, hits.get(A).get() + hits.get(B).get(), "each POST reached one instance once");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
