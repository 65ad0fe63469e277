package vn.grassroots.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.grassroots.organization.Tree.ADMIN;
import static vn.grassroots.organization.Tree.BASE;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RestructuringTest {
    private static final Map<String, Object> DECISION = Map.of("number", "868-QĐ/HU", "date", "2025-07-01");

    @Test
    void aMoveTakesTheWholeSubtreeAlong() {
        Tree.Small t = Tree.small("move");
        String otherCommune = Tree.create(ADMIN, t.district(), "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Pú Nhung");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("newParentId", otherCommune, "decision", DECISION))
                .post(BASE + "/" + t.cellA() + "/move").then().statusCode(200)
                .body("parentId", equalTo(otherCommune))
                .body("depth", equalTo(3))
                .body("path", equalTo("/" + t.province() + "/" + t.district() + "/" + otherCommune + "/" + t.cellA() + "/"));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.group()).then()
                .body("path", equalTo("/" + t.province() + "/" + t.district() + "/" + otherCommune + "/" + t.cellA() + "/" + t.group() + "/"))
                .body("depth", equalTo(4));
        given().header("Authorization", ADMIN).get(BASE + "/" + otherCommune + "/subtree").then()
                .body("items.id", containsInAnyOrder(t.cellA(), t.group()));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.commune() + "/subtree").then()
                .body("items.id", contains(t.cellB()));
    }

    @Test
    void aMoveRefusesCyclesWrongParentsAndStaleVersions() {
        Tree.Small t = Tree.small("cycle");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("newParentId", t.cellA(), "decision", DECISION))
                .post(BASE + "/" + t.commune() + "/move").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.vn/problems/move-cycle"))
                .body("errors[0].field", equalTo("newParentId"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("newParentId", t.commune(), "decision", DECISION))
                .post(BASE + "/" + t.commune() + "/move").then().statusCode(422);
        // a cell cannot sit directly under a province
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("newParentId", t.province(), "decision", DECISION))
                .post(BASE + "/" + t.cellA() + "/move").then().statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/invalid-parent"));
        String other = Tree.create(ADMIN, t.district(), "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Chiềng Sinh");
        given().header("Authorization", ADMIN).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body(Map.of("newParentId", other, "decision", DECISION))
                .post(BASE + "/" + t.cellA() + "/move").then().statusCode(412);
        // nothing moved
        given().header("Authorization", ADMIN).get(BASE + "/" + t.cellA()).then().body("parentId", equalTo(t.commune()));
    }

    @Test
    void aMergeEndsTheSourcesAndMovesTheirChildren() {
        Tree.Small t = Tree.small("merge");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("sourceIds", List.of(t.cellA()), "targetId", t.cellB(), "decision", DECISION))
                .post(BASE + "/merge").then().statusCode(200).body("id", equalTo(t.cellB()));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.cellA()).then()
                .body("status", equalTo("MERGED")).body("mergedIntoId", equalTo(t.cellB()))
                .body("dissolutionDecision.number", equalTo("868-QĐ/HU"));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.group()).then().body("parentId", equalTo(t.cellB()));
        given().header("Authorization", ADMIN).queryParam("status", "ACTIVE").get(BASE + "/" + t.commune() + "/subtree").then()
                .body("items.id", containsInAnyOrder(t.cellB(), t.group()));
        // a merged organization no longer changes
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("decision", DECISION))
                .post(BASE + "/" + t.cellA() + "/dissolve").then().statusCode(409)
                .body("type", equalTo("https://grassroots.vn/problems/organization-inactive"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("sourceIds", List.of(t.cellB()), "targetId", t.cellB(), "decision", DECISION))
                .post(BASE + "/merge").then().statusCode(422);
    }

    @Test
    void aSplitGivesEverySubOrganizationToOnePart() {
        Tree.Small t = Tree.small("split");
        // a part list that forgets cell B is refused and changes nothing
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("decision", DECISION, "parts", List.of(
                        Map.of("name", "Đảng bộ xã Quài Cang 1", "childIds", List.of(t.cellA())),
                        Map.of("name", "Đảng bộ xã Quài Cang 2"))))
                .post(BASE + "/" + t.commune() + "/split").then().statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/invalid-split"));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.commune()).then().body("status", equalTo("ACTIVE"));

        var parts = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("decision", DECISION, "parts", List.of(
                        Map.of("name", "Đảng bộ xã Quài Cang 1", "childIds", List.of(t.cellA())),
                        Map.of("name", "Đảng bộ xã Quài Cang 2", "childIds", List.of(t.cellB())))))
                .post(BASE + "/" + t.commune() + "/split").then().statusCode(200)
                .body("", hasSize(2))
                .body("type", contains("GRASSROOTS_COMMITTEE", "GRASSROOTS_COMMITTEE"))
                .body("parentId", contains(t.district(), t.district()))
                .extract().jsonPath();
        String part1 = parts.getString("[0].id");
        String part2 = parts.getString("[1].id");
        given().header("Authorization", ADMIN).get(BASE + "/" + t.commune()).then().body("status", equalTo("DISSOLVED"));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.cellA()).then().body("parentId", equalTo(part1));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.group()).then()
                .body("path", equalTo("/" + t.province() + "/" + t.district() + "/" + part1 + "/" + t.cellA() + "/" + t.group() + "/"));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.cellB()).then().body("parentId", equalTo(part2));
    }

    @Test
    void dissolvingNeedsNoActiveChildren() {
        Tree.Small t = Tree.small("dissolve");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("decision", DECISION))
                .post(BASE + "/" + t.cellA() + "/dissolve").then().statusCode(409)
                .body("type", equalTo("https://grassroots.vn/problems/has-active-children"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("decision", DECISION, "reason", "Không còn đảng viên sinh hoạt"))
                .post(BASE + "/" + t.group() + "/dissolve").then().statusCode(200)
                .body("status", equalTo("DISSOLVED")).body("dissolvedOn", equalTo("2025-07-01"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("decision", DECISION))
                .post(BASE + "/" + t.cellA() + "/dissolve").then().statusCode(200);
        // no child under a dissolved organization
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Tree.body(t.cellA(), "PARTY_GROUP", "RESIDENTIAL", "Tổ đảng mới"))
                .post(BASE).then().statusCode(409);
        given().header("Authorization", ADMIN).get(BASE + "/" + t.district() + "/statistics").then()
                .body("total", equalTo(5)).body("active", equalTo(3)).body("byStatus.DISSOLVED", equalTo(2));
    }
}
