package vn.grassroots.organization;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.testing.TestTokens;

/** Builds organization trees through the REST API for tests; every tree has fresh ids. */
final class Tree {
    static final String ADMIN = TestTokens.admin();
    static final String BASE = "/api/v1/organizations";

    private Tree() {}

    static String organizer(String orgId) {
        return TestTokens.bearer("organizer-" + orgId, orgId, "organizer");
    }

    static String as(String role, String orgId) {
        return TestTokens.bearer(role + "-" + orgId, orgId, role);
    }

    static Map<String, Object> body(String parentId, String type, String sector, String name) {
        Map<String, Object> b = new HashMap<>();
        if (parentId != null) {
            b.put("parentId", parentId);
        }
        b.put("type", type);
        b.put("sector", sector);
        b.put("name", name);
        return b;
    }

    static ValidatableResponse post(String auth, Map<String, Object> body) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(body)
                .when().post(BASE).then();
    }

    static String create(String auth, String parentId, String type, String sector, String name) {
        return post(auth, body(parentId, type, sector, name)).statusCode(201).extract().path("id");
    }

    static String province(String name) {
        return create(ADMIN, null, "PROVINCIAL_COMMITTEE", "OTHER", name);
    }

    /** A province with one district, one commune committee, two village cells and a party group. */
    record Small(String province, String district, String commune, String cellA, String cellB, String group) {}

    static Small small(String label) {
        String p = province("Tỉnh ủy " + label + " " + UUID.randomUUID());
        String d = create(ADMIN, p, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Tuần Giáo " + label);
        String c = create(ADMIN, d, "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Quài Cang " + label);
        String a = create(ADMIN, c, "SUBORDINATE_CELL", "RESIDENTIAL", "Chi bộ bản Cang " + label);
        String b = create(ADMIN, c, "SUBORDINATE_CELL", "RESIDENTIAL", "Chi bộ bản Sáng " + label);
        String g = create(ADMIN, a, "PARTY_GROUP", "RESIDENTIAL", "Tổ đảng số 1 " + label);
        return new Small(p, d, c, a, b, g);
    }
}
