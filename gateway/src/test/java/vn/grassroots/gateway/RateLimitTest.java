package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.TestTokens;

/** Token buckets with tiny limits and (nearly) no refill, so every count below is exact. */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
class RateLimitTest {

    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "grassroots.rate-limit.user.capacity", "3",
                    "grassroots.rate-limit.user.refill-per-second", "0.001",
                    "grassroots.rate-limit.client.capacity", "5",
                    "grassroots.rate-limit.client.refill-per-second", "0.001",
                    "grassroots.rate-limit.anonymous.capacity", "2",
                    "grassroots.rate-limit.anonymous.refill-per-second", "0.001");
        }
    }

    private static final String ORG = "/api/v1/organizations/0190";

    @Test
    void aUserOverTheLimitGets429WithRetryAfterAndOtherUsersGoOn() {
        String client = "app-" + UUID.randomUUID();
        String busy = bearer("busy-" + UUID.randomUUID(), client);
        String path = ORG + "/limited-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", busy).get(ORG).then().statusCode(200);
        }
        given().header("Authorization", busy).get(path)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://grassroots.vn/problems/too-many-requests"),
                        "status", equalTo(429),
                        "detail", equalTo("Too many calls from this user"));
        assertFalse(Fixtures.seenPaths().contains(path), "a refused call never reaches the service");
        // Same client, another user: the user bucket was the limit, not the client's.
        given().header("Authorization", bearer("calm-" + UUID.randomUUID(), client)).get(ORG).then().statusCode(200);
    }

    @Test
    void aBurstFromOneClientDoesNotStarveAnother() throws Exception {
        String burstClient = "burst-" + UUID.randomUUID();
        String calmClient = "calm-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> burst = new ArrayList<>();
            // Distinct users, so only the client bucket (capacity 5) can stop them.
            for (int i = 0; i < 30; i++) {
                String token = bearer("burst-user-" + i + "-" + UUID.randomUUID(), burstClient);
                burst.add(pool.submit(() -> given().header("Authorization", token).get(ORG).statusCode()));
            }
            List<Integer> calm = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calm.add(given().header("Authorization", bearer("calm-user-" + i, calmClient)).get(ORG).statusCode());
            }
            int ok = 0;
            int limited = 0;
            for (Future<Integer> f : burst) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else if (status == 429) {
                    limited++;
                }
            }
            assertEquals(5, ok, "the burst client gets its capacity");
            assertEquals(25, limited, "and 429 for the rest");
            assertEquals(List.of(200, 200, 200), calm, "the other client is not affected");
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", bearer("late-" + UUID.randomUUID(), burstClient)).get(ORG)
                .then().statusCode(429).body("detail", equalTo("Too many calls from client " + burstClient));
    }

    @Test
    void callsWithoutATokenAreLimitedPerAddressButHealthIsNot() {
        given().get("/openapi/organization").then().statusCode(200);
        given().get("/openapi/organization").then().statusCode(200);
        given().get("/openapi/organization")
                .then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .contentType("application/problem+json")
                .body("detail", equalTo("Too many calls without a token from 127.0.0.1"));
        given().get("/api/v1/organizations").then().statusCode(429);
        given().get("/q/health/live").then().statusCode(200);
        // A call with a token is counted in its own buckets, not the address's.
        given().header("Authorization", bearer("with-token-" + UUID.randomUUID(), "app-" + UUID.randomUUID()))
                .get(ORG).then().statusCode(200);
    }

    @Test
    void refusalsAreCountedInTheRouteMetrics() {
        String token = bearer("metered-" + UUID.randomUUID(), "app-" + UUID.randomUUID());
        for (int i = 0; i < 4; i++) {
            given().header("Authorization", token).get(ORG);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"429\"[^}]*uri=\"/api/v1/organizations/\\*\"[^}]*} [1-9]")
                .matcher(metrics).find(), "429s of the route are counted");
    }

    private static final PrivateKey KEY = key();

    /** A token shaped like Keycloak's, with the client it was issued to in {@code azp}. */
    static String bearer(String user, String client) {
        return "Bearer " + Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject(user).claim("azp", client)
                .claim("org_id", Fixtures.ORG_ID).claim("realm_access", Map.of("roles", List.of("organizer")))
                .expiresIn(600).jws().keyId("grassroots-test").sign(KEY);
    }

    private static PrivateKey key() {
        try {
            return KeyUtils.readPrivateKey("grassroots-testing/privateKey.pem");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
