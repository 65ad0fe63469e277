package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keycloak down: the gateway still starts, its public paths work, and /api answers 503, not 500. */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.KeycloakDown.class)
class IdentityProviderDownTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "%test.quarkus.oidc.auth-server-url", "http://localhost:" + closedPort() + "/realms/grassroots",
                    // Empty values remove the test jar's public key, so the server URL is used.
                    "%test.quarkus.oidc.public-key", "",
                    "%test.quarkus.oidc.discovery-enabled", "true",
                    "quarkus.oidc.connection-delay", "1s",
                    "quarkus.oidc.connection-timeout", "1s");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void apiAnswers503ProblemWhileKeycloakIsDown() {
        given().header("Authorization", Fixtures.organizer()).get("/api/v1/organizations")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.vn/problems/identity-provider-unavailable"));
    }

    @Test
    void publicPathsStillWork() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/openapi/organization").then().statusCode(200);
    }
}
