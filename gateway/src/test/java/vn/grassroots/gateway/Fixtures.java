package vn.grassroots.gateway;

import static io.restassured.RestAssured.given;

import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.grassroots.testing.TestTokens;

/** Test helpers: tokens, and what the fake organization service has seen. */
final class Fixtures {

    static final String ORG_ID = "0190a1b2-0000-7000-8000-000000000001";

    private Fixtures() {}

    static String organizer() {
        return TestTokens.bearer("organizer", ORG_ID, "organizer");
    }

    /** Paths the fake upstream received, asked of it directly (not through the gateway). */
    static List<String> seenPaths() {
        return given().baseUri(fakeUrl()).port(-1).get("/__seen").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Connections closed on the fake upstream so far. */
    static int closedUpstreamConnections() {
        return Integer.parseInt(given().baseUri(fakeUrl()).port(-1).get("/__closed").then().statusCode(200).extract().asString());
    }

    private static String fakeUrl() {
        return ConfigProvider.getConfig().getValue("grassroots.routes.organization.url", String.class);
    }
}
