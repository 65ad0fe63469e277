package vn.grassroots.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every service must hold at its edge; a service's {@code BadInputTest} extends this as a {@code @QuarkusTest}.
 * {@link #readPath()} is a read of the service that needs only a valid token.
 */
public abstract class BadInputContract {

    protected abstract String readPath();

    @Test
    void theBadInputCorpusGetsNo5xxAndIsRefused() {
        BadInput.Report report = BadInput.sweep(TestTokens.admin());
        System.out.println("bad-input sweep: " + report.summary());
        assertTrue(report.requests() > 300, report.summary());
        assertTrue(report.failures().isEmpty(), report.summary());
    }

    @Test
    void aTokenOfAnotherClientIsRefused() {
        String other = TestTokens.signed(Jwt.issuer(TestTokens.ISSUER).audience("account").subject("someone")
                .claim("realm_access", Map.of("roles", List.of("admin"))).expiresIn(300));
        given().header("Authorization", "Bearer " + other).get(readPath())
                .then().statusCode(401);
        given().header("Authorization", TestTokens.admin()).get(readPath())
                .then().statusCode(200);
    }

    @Test
    void aForeignCursorIsRefused() {
        // A well-formed cursor of another list (its mark differs): refused, not misread as a position in this one.
        String foreign = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("7a3f\u001fa\u001f00000000-0000-0000-0000-000000000000".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().header("Authorization", TestTokens.admin()).queryParam("cursor", foreign).get(readPath())
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("cursor"));
    }
}
