package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class UpstreamFailureTest {

    @Test
    void stoppedServiceIsA503ProblemNamingIt() {
        long start = System.nanoTime();
        given().header("Authorization", Fixtures.organizer())
                .contentType("application/json").body("{\"fullName\":\"Lò Văn Pản\"}")
                .post("/api/v1/members")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.vn/problems/upstream-unavailable"),
                        "title", equalTo("Service unavailable"),
                        "status", equalTo(503),
                        "detail", equalTo("membership service is unavailable"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "answered in " + millis + " ms");
    }

    @Test
    void silentServiceTimesOutIntoA503() {
        // The test resource sets grassroots.upstream.timeout=2s.
        long start = System.nanoTime();
        given().header("Authorization", Fixtures.organizer())
                .get("/api/v1/organizations/0190/slow")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("organization service is unavailable"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 1900 && millis < 5000, "answered in " + millis + " ms");
    }

    @Test
    void documentOfAStoppedServiceIsA503() {
        given().get("/openapi/membership")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("membership service is unavailable"));
    }
}
