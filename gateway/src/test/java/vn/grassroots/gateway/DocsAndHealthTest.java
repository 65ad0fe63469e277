package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class DocsAndHealthTest {

    @Test
    void serviceDocumentIsFetchedThroughTheGateway() {
        given().get("/openapi/organization")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body(equalTo(FakeUpstream.OPENAPI));
    }

    @Test
    void unknownServiceDocumentIsProblem404() {
        given().get("/openapi/nothing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.vn/problems/not-found"));
    }

    @Test
    void swaggerUiListsTheServiceDocuments() {
        given().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("/openapi/organization"), containsString("grassroots-swagger"));
    }

    @Test
    void healthIsUp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposed() {
        given().header("Authorization", Fixtures.organizer()).get("/api/v1/organizations/0190").then().statusCode(200);
        given().get("/q/metrics")
                .then().statusCode(200)
                // One series per route, not per URL.
                .body(containsString("uri=\"/api/v1/organizations/*\""));
    }

    @Test
    void ownDocumentIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Grassroots API gateway"));
    }
}
