package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
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
    void healthNamesTheUpstreamThatIsDown() {
        // The test resource routes "membership" to a closed port.
        given().get("/q/health").then().statusCode(503)
                .body("status", equalTo("DOWN"),
                        "checks.find { it.name == 'membership service' }.status", equalTo("DOWN"),
                        "checks.find { it.name == 'organization service' }.status", equalTo("UP"));
        // The gateway itself is alive and ready: it still answers for every service, a stopped one with a 503.
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountTimeAndTagEachRouteByStatus() {
        given().header("Authorization", Fixtures.organizer()).get("/api/v1/organizations/0190").then().statusCode(200);
        given().header("Authorization", Fixtures.organizer()).get("/api/v1/organizations/0190/x").then().statusCode(200);
        given().header("Authorization", Fixtures.organizer()).get("/api/v1/members/1").then().statusCode(503);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // One series per route and status, not per URL: count, total time and maximum.
        for (String kind : new String[] {"count", "sum", "max"}) {
            assertSeries(metrics, kind, "200", "/api/v1/organizations/*");
            assertSeries(metrics, kind, "503", "/api/v1/members/*");
        }
        assertFalse(metrics.contains("uri=\"/api/v1/organizations/0190"), "no series per URL");
        assertTrue(Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/organizations/\\*\"[^}]*} ([0-9.E]+)")
                .matcher(metrics).results().anyMatch(m -> Double.parseDouble(m.group(1)) >= 2), "both calls counted");
    }

    private static void assertSeries(String metrics, String kind, String status, String route) {
        Pattern series = Pattern.compile("http_server_requests_seconds_" + kind + "\\{[^}]*method=\"GET\"[^}]*status=\""
                + status + "\"[^}]*uri=\"" + Pattern.quote(route) + "\"[^}]*} [0-9.E]+");
        assertTrue(series.matcher(metrics).find(), kind + " of " + route + " " + status);
    }

    @Test
    void ownDocumentIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Grassroots API gateway"));
    }
}
