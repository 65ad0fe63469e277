package vn.grassroots.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static vn.grassroots.organization.Tree.ADMIN;
import static vn.grassroots.organization.Tree.BASE;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.TestTokens;

/** Every caller acts inside the subtree of the organization in their token. */
@QuarkusTest
class ScopeTest {
    private static final Map<String, Object> DECISION = Map.of("number", "1-QĐ", "date", "2025-01-02");

    @Test
    void anOrganizerOfOneDistrictCanNeitherReadNorChangeAnother() {
        String p = Tree.province("Tỉnh ủy Điện Biên " + UUID.randomUUID());
        String a = Tree.create(ADMIN, p, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Tuần Giáo");
        String b = Tree.create(ADMIN, p, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Mường Chà");
        String cellB = Tree.create(ADMIN, b, "GRASSROOTS_CELL", "AGENCY", "Chi bộ cơ quan Mường Chà");
        String organizerA = Tree.organizer(a);

        // inside A: may create and read
        String cellA = Tree.create(organizerA, a, "GRASSROOTS_CELL", "PUBLIC_SERVICE", "Chi bộ Trường THPT Tuần Giáo");
        given().header("Authorization", organizerA).get(BASE + "/" + cellA).then().statusCode(200);
        given().header("Authorization", organizerA).get(BASE + "/" + a + "/subtree").then().statusCode(200)
                .body("items.id", containsInAnyOrder(cellA));

        // B: 403 for reading, listing its subtree, creating under it, changing it, moving into it
        given().header("Authorization", organizerA).get(BASE + "/" + b).then().statusCode(403)
                .body("type", equalTo("https://grassroots.vn/problems/out-of-scope"));
        given().header("Authorization", organizerA).get(BASE + "/" + cellB).then().statusCode(403);
        given().header("Authorization", organizerA).get(BASE + "/" + b + "/subtree").then().statusCode(403);
        given().header("Authorization", organizerA).get(BASE + "/" + b + "/statistics").then().statusCode(403);
        given().header("Authorization", organizerA).queryParam("within", b).get(BASE).then().statusCode(403);
        given().header("Authorization", organizerA).contentType(ContentType.JSON)
                .body(Tree.body(b, "GRASSROOTS_CELL", "OTHER", "Chi bộ lấn sân")).post(BASE).then().statusCode(403);
        given().header("Authorization", organizerA).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("type", "GRASSROOTS_CELL", "sector", "OTHER", "name", "Đổi tên"))
                .put(BASE + "/" + cellB).then().statusCode(403);
        given().header("Authorization", organizerA).contentType(ContentType.JSON)
                .body(Map.of("newParentId", b, "decision", DECISION)).post(BASE + "/" + cellA + "/move").then().statusCode(403);
        given().header("Authorization", organizerA).contentType(ContentType.JSON).body(Map.of("decision", DECISION))
                .post(BASE + "/" + cellB + "/dissolve").then().statusCode(403);
        given().header("Authorization", organizerA).contentType(ContentType.JSON)
                .body(Map.of("sourceIds", List.of(cellB), "targetId", cellA, "decision", DECISION))
                .post(BASE + "/merge").then().statusCode(403);
        // the plain list shows only A's subtree
        given().header("Authorization", organizerA).queryParam("limit", 200).get(BASE).then().statusCode(200)
                .body("items.path", everyItem(startsWith("/" + p + "/" + a + "/")))
                .body("items.id", not(hasItem(cellB)));
        // the district itself is restructured by the province, not by its own organizer
        given().header("Authorization", organizerA).contentType(ContentType.JSON).body(Map.of("decision", DECISION))
                .post(BASE + "/" + a + "/dissolve").then().statusCode(403);
        // nothing of B changed
        given().header("Authorization", ADMIN).get(BASE + "/" + cellB).then().body("status", equalTo("ACTIVE"))
                .body("version", equalTo(0));
    }

    @Test
    void rolesLimitWhatEachCallerMayDo() {
        Tree.Small t = Tree.small("roles");
        for (String role : List.of("member", "secretary", "auditor")) {
            given().header("Authorization", Tree.as(role, t.commune())).contentType(ContentType.JSON)
                    .body(Tree.body(t.commune(), "SUBORDINATE_CELL", "OTHER", "Chi bộ mới")).post(BASE).then().statusCode(403);
            given().header("Authorization", Tree.as(role, t.commune())).get(BASE + "/" + t.cellA()).then().statusCode(200);
        }
        given().header("Authorization", TestTokens.bearer("integration", t.province(), "integration")).contentType(ContentType.JSON)
                .body(Tree.body(t.commune(), "SUBORDINATE_CELL", "OTHER", "Chi bộ tích hợp")).post(BASE).then().statusCode(201);
        // only administrators found a province
        given().header("Authorization", Tree.organizer(t.province())).contentType(ContentType.JSON)
                .body(Tree.body(null, "PROVINCIAL_COMMITTEE", "OTHER", "Tỉnh ủy mới")).post(BASE).then().statusCode(403);
        // a token without roles of ours, or without an organization, gets nothing
        given().header("Authorization", TestTokens.bearer("nobody", t.province())).get(BASE + "/" + t.province()).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("lost", null, "organizer")).get(BASE).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("ghost", UUID.randomUUID().toString(), "organizer")).get(BASE).then().statusCode(403);
    }

    @Test
    void auditorsReadTheTrailOfTheirSubtreeOnly() {
        Tree.Small t = Tree.small("audit");
        Tree.Small other = Tree.small("audit-other");
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("type", "SUBORDINATE_CELL", "sector", "RESIDENTIAL", "name", "Chi bộ bản Cang mới"))
                .put(BASE + "/" + t.cellA()).then().statusCode(200);
        String auditor = Tree.as("auditor", t.province());
        given().header("Authorization", auditor).queryParam("entityId", t.cellA()).get(BASE + "/audit").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.contains("organization.updated", "organization.created"))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].before.name", equalTo("Chi bộ bản Cang audit"))
                .body("items[0].after.name", equalTo("Chi bộ bản Cang mới"));
        given().header("Authorization", auditor).queryParam("entityId", other.cellA()).get(BASE + "/audit").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        given().header("Authorization", Tree.organizer(t.province())).get(BASE + "/audit").then().statusCode(403);
    }
}
