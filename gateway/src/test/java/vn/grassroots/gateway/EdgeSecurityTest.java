package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class EdgeSecurityTest {

    @Test
    void noTokenIs401AndNothingReachesTheService() {
        String path = "/api/v1/organizations/no-token-" + UUID.randomUUID();
        given().get(path)
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().contentType("application/json").body("{\"name\":\"x\"}").post(path)
                .then().statusCode(401);
        assertFalse(Fixtures.seenPaths().contains(path));
    }

    @Test
    void malformedTokenIs401() {
        String path = "/api/v1/organizations/malformed-" + UUID.randomUUID();
        given().header("Authorization", "Bearer not.a.jwt").get(path)
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().header("Authorization", "Basic b3JnYW5pemVyOnNlY3JldA==").get(path)
                .then().statusCode(401);
        assertFalse(Fixtures.seenPaths().contains(path));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(TestTokens.ISSUER).subject("intruder").claim("org_id", Fixtures.ORG_ID)
                .expiresIn(600).jws().keyId("grassroots-test").sign(generator.generateKeyPair().getPrivate());
        given().header("Authorization", "Bearer " + forged).get("/api/v1/organizations")
                .then().statusCode(401);
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItExpires() throws Exception {
        // The gateway remembers verified tokens (VerifiedTokens), never past their expiry.
        long minted = System.currentTimeMillis();
        String token = TestTokens.expiringToken("short-lived", Fixtures.ORG_ID, 8, "organizer");
        given().header("Authorization", "Bearer " + token).get("/api/v1/organizations/short-lived")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/v1/organizations/short-lived")
                .then().statusCode(200);
        Thread.sleep(Math.max(0, minted + 9_000 - System.currentTimeMillis()));
        given().header("Authorization", "Bearer " + token).get("/api/v1/organizations/short-lived")
                .then().statusCode(401);
    }

    @Test
    void aRememberedTokenVouchesForItselfOnly() {
        // The second call of a token takes the gateway's short path (ApiRoutes.knownToken); the same signature under
        // another payload must not.
        String token = TestTokens.expiringToken("remembered-" + UUID.randomUUID(), Fixtures.ORG_ID, 600, "organizer");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/organizations/remembered")
                    .then().statusCode(200);
        }
        given().header("Authorization", "Bearer " + token).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherPayload = payload.replace("\"organizer\"", "\"admin\"");
        assertNotEquals(payload, otherPayload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherPayload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String path = "/api/v1/organizations/tampered-" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + tampered).get(path)
                .then().statusCode(401).contentType("application/problem+json");
        assertFalse(Fixtures.seenPaths().contains(path));
    }

    @Test
    void tokenForAnotherAudienceIs401() throws Exception {
        String path = "/api/v1/organizations/other-audience-" + UUID.randomUUID();
        String other = TestTokens.signed(Jwt.issuer(TestTokens.ISSUER).audience("account").subject("someone")
                .claim("org_id", Fixtures.ORG_ID).claim("realm_access", java.util.Map.of("roles", java.util.List.of("admin")))
                .expiresIn(600));
        given().header("Authorization", "Bearer " + other).get(path).then().statusCode(401).contentType("application/problem+json");
        assertFalse(Fixtures.seenPaths().contains(path));
    }

    @Test
    void unknownApiPathNeedsATokenToo() {
        given().get("/api/v1/nothing-here").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void publicPathsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/openapi/organization").then().statusCode(200);
    }
}
