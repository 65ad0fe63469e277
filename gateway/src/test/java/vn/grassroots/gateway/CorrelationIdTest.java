package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class CorrelationIdTest {

    private static final String HEADER = "X-Correlation-Id";

    @Test
    void generatedWhenMissingAndSentUpstream() {
        Response response = given().header("Authorization", Fixtures.organizer()).get("/api/v1/organizations/0190");
        response.then().statusCode(200);
        String id = response.header(HEADER);
        assertEquals(id, UUID.fromString(id).toString(), "a UUID");
        assertEquals(id, response.jsonPath().getString("headers.x-correlation-id"));
    }

    @Test
    void keptWhenGiven() {
        Response response = given().header("Authorization", Fixtures.organizer()).header(HEADER, "mobile-app:4711")
                .get("/api/v1/organizations/0190");
        response.then().statusCode(200).header(HEADER, "mobile-app:4711");
        assertEquals("mobile-app:4711", response.jsonPath().getString("headers.x-correlation-id"));
    }

    @Test
    void replacedWhenUnfitForLogs() {
        String hostile = "x\" forged=1 " + "y".repeat(200);
        Response response = given().header("Authorization", Fixtures.organizer()).header(HEADER, hostile)
                .get("/api/v1/organizations/0190");
        String id = response.header(HEADER);
        assertNotEquals(hostile, id);
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals(id, response.jsonPath().getString("headers.x-correlation-id"));
    }

    @Test
    void presentOnAnswersTheGatewayGivesItself() {
        String generated = given().get("/api/v1/organizations").then().statusCode(401).extract().header(HEADER);
        assertEquals(generated, UUID.fromString(generated).toString());
        given().header(HEADER, "abc-2").get("/api/v1/organizations").then().statusCode(401).header(HEADER, "abc-2");
        given().header(HEADER, "abc-3").get("/openapi/nothing").then().statusCode(404).header(HEADER, "abc-3");
    }
}
