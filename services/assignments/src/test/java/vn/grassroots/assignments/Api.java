package vn.grassroots.assignments;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.grassroots.testing.OrganizationFeed.Org;
import vn.grassroots.testing.TestTokens;

/** REST helpers for the assignments tests. */
final class Api {
    static final String ADMIN = TestTokens.admin();

    private Api() {}

    static String as(String role, Org org) {
        return TestTokens.bearer(role + "-" + org.id, org.id, role);
    }

    static String memberToken(Feed.Member m) {
        return "Bearer " + TestTokens.memberToken("member-" + m.id, m.organizationId, m.id, "member");
    }

    static ValidatableResponse post(String auth, String path, Object body) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    static ValidatableResponse put(String auth, String path, String ifMatch, Object body) {
        var r = given().header("Authorization", auth).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            r = r.header("If-Match", ifMatch);
        }
        return r.when().put(path).then();
    }

    static ValidatableResponse get(String auth, String path) {
        return given().header("Authorization", auth).when().get(path).then();
    }
}
