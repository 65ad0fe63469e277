package vn.grassroots.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.grassroots.testing.ContractCheck;

/**
 * The platform as its users meet it: real Keycloak tokens, through the gateway, against the running
 * organization service with the demonstration data loaded (deploy/local/platform.sh test).
 */
@ExtendWith(ContractCheck.class)
class PlatformIT {
    static final String GATEWAY = "http://localhost:" + env("GATEWAY_PORT", "8180");
    static final String ISSUER = env("OIDC_ISSUER", "http://localhost:58180/realms/grassroots");
    static final String ORGS = GATEWAY + "/api/v1/organizations";

    static final String DIEN_BIEN = "10000000-0000-4000-8000-000000000001";
    static final String TUAN_GIAO = "10000000-0000-4000-8000-000000000002";
    static final String QUAI_CANG = "10000000-0000-4000-8000-000000000003";
    static final String BAN_CANG = "10000000-0000-4000-8000-000000000004";
    static final String LAI_CHAU_PROCURACY = "20000000-0000-4000-8000-000000000003";

    @Test
    void theReadmeWalkThroughWorks() {
        String admin = bearer("admin");
        String province = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("type", "PROVINCIAL_COMMITTEE", "sector", "OTHER", "name", "Đảng bộ tỉnh Thử nghiệm " + UUID.randomUUID()))
                .post(ORGS).then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        String district = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("parentId", province, "type", "DISTRICT_COMMITTEE", "sector", "OTHER", "name", "Đảng bộ huyện Mường Ảng"))
                .post(ORGS).then().statusCode(201).extract().path("id");
        String cell = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("parentId", district, "type", "GRASSROOTS_CELL", "sector", "PUBLIC_SERVICE", "name", "Chi bộ Trường THPT Mường Ảng"))
                .post(ORGS).then().statusCode(201)
                .header("Location", containsString("/api/v1/organizations/")).extract().path("id");
        given().header("Authorization", admin).get(ORGS + "/" + province + "/subtree").then().statusCode(200)
                .body("items.id", hasItems(district, cell))
                .body("items.find { it.id == '" + cell + "' }.path", equalTo("/" + province + "/" + district + "/" + cell + "/"));
    }

    @Test
    void theDistrictOrganizerSeesTheDistrictAndNothingElse() {
        String organizer = bearer("organizer");
        given().header("Authorization", organizer).get(ORGS + "/" + TUAN_GIAO + "/subtree").then().statusCode(200)
                .body("items.name", hasItems("Đảng bộ xã Quài Cang", "Chi bộ bản Cang", "Chi bộ Trạm Y tế xã Chiềng Sinh"));
        given().header("Authorization", organizer).queryParam("q", "chieng sinh").get(ORGS).then().statusCode(200)
                .body("items.name", hasItem("Đảng bộ xã Chiềng Sinh"))
                .body("items.path", everyItem(startsWith("/" + DIEN_BIEN + "/" + TUAN_GIAO + "/")));
        given().header("Authorization", organizer).get(ORGS + "/" + LAI_CHAU_PROCURACY).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", organizer).contentType(ContentType.JSON)
                .body(Map.of("parentId", LAI_CHAU_PROCURACY, "type", "SUBORDINATE_CELL", "sector", "AGENCY", "name", "Chi bộ lấn sân"))
                .post(ORGS).then().statusCode(403);
    }

    @Test
    void secretaryMemberAuditorAndServiceAccountActInTheirOwnPlace() {
        given().header("Authorization", bearer("secretary")).get(ORGS + "/" + BAN_CANG + "/committees").then().statusCode(200)
                .body("[0].term", equalTo("2025-2030"));
        given().header("Authorization", bearer("secretary")).get(ORGS + "/" + QUAI_CANG).then().statusCode(403);
        given().header("Authorization", bearer("member")).get(ORGS + "/" + BAN_CANG).then().statusCode(200)
                .body("name", equalTo("Chi bộ bản Cang"));
        given().header("Authorization", bearer("member")).contentType(ContentType.JSON)
                .body(Map.of("parentId", BAN_CANG, "type", "PARTY_GROUP", "sector", "RESIDENTIAL", "name", "Tổ đảng số 2"))
                .post(ORGS).then().statusCode(403);
        given().header("Authorization", bearer("auditor")).queryParam("entityId", BAN_CANG).get(ORGS + "/audit").then().statusCode(200)
                .body("items.action", hasItem("organization.created"))
                .body("items[0].actor", equalTo("admin"));
        String service = serviceAccountToken();
        given().header("Authorization", "Bearer " + service).get(ORGS + "/" + DIEN_BIEN + "/statistics").then().statusCode(200)
                .body("byType.SUBORDINATE_CELL", notNullValue());
        given().header("Authorization", "Bearer " + service).get(ORGS + "/" + LAI_CHAU_PROCURACY).then().statusCode(403);
    }

    @Test
    void membersReachTheMembershipServiceWhichLearnedTheTreeFromKafka() {
        String members = GATEWAY + "/api/v1/members";
        // the demo members were accepted only once the membership service knew their cell from the events
        given().header("Authorization", bearer("member")).get(members + "/30000000-0000-4000-8000-000000000004").then()
                .statusCode(200).body("fullName", equalTo("Quàng Thị Dung"));
        given().header("Authorization", bearer("member")).get(members + "/30000000-0000-4000-8000-000000000003").then()
                .statusCode(403);
        given().header("Authorization", bearer("organizer")).queryParam("q", "quang thi dung").get(members).then()
                .statusCode(200).body("items.fullName", hasItem("Quàng Thị Dung"));
        given().header("Authorization", bearer("admin")).get(GATEWAY + "/api/v1/candidates").then().statusCode(200);
        given().get(GATEWAY + "/openapi/membership").then().statusCode(200).body(containsString("/api/v1/members"));
    }

    @Test
    void theGatewayGuardsTheDoorAndPassesTheCorrelationId() {
        given().get(ORGS).then().statusCode(401);
        given().header("Authorization", "Bearer abc.def.ghi").get(ORGS).then().statusCode(401);
        given().header("Authorization", bearer("admin")).header("X-Correlation-Id", "e2e-42")
                .get(ORGS + "/" + UUID.randomUUID()).then().statusCode(404)
                .header("X-Correlation-Id", "e2e-42")
                .body("correlationId", equalTo("e2e-42"));
        // the service checks tokens itself too: the gateway is not the only guard
        String direct = "http://localhost:" + env("ORGANIZATION_PORT", "8181") + "/api/v1/organizations";
        given().get(direct).then().statusCode(401);
        given().header("Authorization", "Bearer abc.def.ghi").get(direct).then().statusCode(401);
        given().header("Authorization", bearer("organizer")).get(direct + "/" + LAI_CHAU_PROCURACY).then().statusCode(403);
        given().get(GATEWAY + "/q/swagger-ui/").then().statusCode(200);
        given().get(GATEWAY + "/openapi/organization").then().statusCode(200)
                .body(containsString("/api/v1/organizations/{id}/subtree"))
                .body(not(containsString("\"servers\" : [ { \"url\" : \"http://localhost:8181")));
    }

    static String bearer(String user) {
        return "Bearer " + given().formParams(Map.of("grant_type", "password", "client_id", "grassroots-cli",
                        "username", user, "password", user))
                .post(ISSUER + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    static String serviceAccountToken() {
        return given().formParams(Map.of("grant_type", "client_credentials", "client_id", "grassroots-integration",
                        "client_secret", "integration-secret"))
                .post(ISSUER + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
