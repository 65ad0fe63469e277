package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The default origins: a web app on localhost:3000 and the hybrid mobile apps (capacitor://, ionic://). */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class CorsTest {

    @Test
    void preflightFromAnAllowedWebOriginIsAnsweredWithoutAToken() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/v1/organizations/0190")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }

    @Test
    void callFromAMobileAppOriginSeesTheExposedHeaders() {
        given().header("Origin", "capacitor://localhost").header("Authorization", Fixtures.organizer())
                .get("/api/v1/organizations/0190")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "capacitor://localhost")
                .header("Access-Control-Expose-Headers", containsString("X-Correlation-Id"))
                .body("path", equalTo("/api/v1/organizations/0190"));
    }

    @Test
    void aRefusalOfTheGatewayItselfIsReadableByTheApp() {
        given().header("Origin", "capacitor://localhost").header("Authorization", Fixtures.organizer())
                .get("/api/v1/organizations?q=" + "a".repeat(5_000))
                .then().statusCode(414).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", "capacitor://localhost")
                .header("X-Correlation-Id", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anotherOriginIsRefusedAndNothingReachesTheService() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/organizations/0190")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        String path = "/api/v1/organizations/cors-" + UUID.randomUUID();
        given().header("Origin", "https://evil.example").header("Authorization", Fixtures.organizer())
                .get(path)
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        assertFalse(Fixtures.seenPaths().contains(path));
    }
}
