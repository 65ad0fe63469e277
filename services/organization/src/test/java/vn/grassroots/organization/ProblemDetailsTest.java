package vn.grassroots.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static vn.grassroots.organization.Tree.ADMIN;
import static vn.grassroots.organization.Tree.BASE;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input gets problem details naming what is wrong, never a 500, and changes nothing. */
@QuarkusTest
class ProblemDetailsTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJson() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"type\": \"PROVINCIAL_COMMITTEE\", ")
                .post(BASE).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://grassroots.vn/problems/malformed-json"))
                .body("status", equalTo(400))
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownEnumNamesTheFieldAndTheChoices() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("type", "VILLAGE", "sector", "OTHER", "name", "X"))
                .post(BASE).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("PROVINCIAL_COMMITTEE"));
        given().header("Authorization", ADMIN).queryParam("type", "VILLAGE").get(BASE).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("type"));
    }

    @Test
    void missingFieldsAreAllListed() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("name", " "))
                .post(BASE).then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://grassroots.vn/problems/validation"))
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("sector"))
                .body("errors.field", hasItem("name"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("")
                .post(BASE).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aParentOfTheWrongTypeIsRefused() {
        Tree.Small t = Tree.small("wrong-parent");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Tree.body(t.province(), "SUBORDINATE_CELL", "RESIDENTIAL", "Chi bộ lạc chỗ"))
                .post(BASE).then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://grassroots.vn/problems/invalid-parent"))
                .body("errors[0].field", equalTo("type"))
                .body("detail", containsString("Chi bộ trực thuộc"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Tree.body(null, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy mồ côi"))
                .post(BASE).then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Tree.body(UUID.randomUUID().toString(), "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy"))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("parentId"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Tree.body(t.province(), "PROVINCIAL_COMMITTEE", "OTHER", "Tỉnh ủy lồng"))
                .post(BASE).then().statusCode(422);
        given().header("Authorization", ADMIN).get(BASE + "/" + t.province() + "/children").then()
                .body("items.id", org.hamcrest.Matchers.contains(t.district()));
    }

    @Test
    void oversizePayloadsAreRefused() {
        String big = "x".repeat(300_000);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("type", "PROVINCIAL_COMMITTEE", "sector", "OTHER", "name", big))
                .post(BASE).then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://grassroots.vn/problems/payload-too-large"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("type", "PROVINCIAL_COMMITTEE", "sector", "OTHER", "name", "x".repeat(301)))
                .post(BASE).then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void badPagingAndIdsAnswer4xx() {
        given().header("Authorization", ADMIN).queryParam("limit", 0).get(BASE).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("Authorization", ADMIN).queryParam("limit", 201).get(BASE).then().statusCode(400);
        given().header("Authorization", ADMIN).queryParam("cursor", "not-a-cursor!").get(BASE).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().header("Authorization", ADMIN).get(BASE + "/not-a-uuid").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://grassroots.vn/problems/invalid-parameter"));
        for (String limit : new String[] {"abc", "1e3", "50.5", "2147483648"}) {
            given().header("Authorization", ADMIN).queryParam("limit", limit).get(BASE).then().statusCode(400).contentType(PROBLEM);
        }
        given().header("Authorization", ADMIN).get(BASE + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM)
                .body("correlationId", notNullValue());
        given().header("Authorization", ADMIN).queryParam("within", "xyz").get(BASE).then().statusCode(400);
        given().header("Authorization", ADMIN).queryParam("cursor", "eHl6").get(BASE + "/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void jsonIsReadStrictlyAndBadTextIsRefusedNamingTheFieldWithNothingStored() {
        String id = UUID.randomUUID().toString();
        Object[][] cases = {
            {"name", "Tỉnh ủy\\u0000X", "contains a NUL character"},
            {"name", "Tỉnh ủy\\nX", "tab or line break"},
            {"name", "Tỉnh ủy\\u0007", "control character"},
            {"name", "Tỉnh ủy\\ud800", "unpaired surrogate"},
            {"name", "123", "wrong type"},
            {"foundedOn", "20250101", "wrong type"},
            {"foundedOn", "\"\"", "wrong type"},
            {"foundedOn", "\"2025-13-45\"", "wrong type"},
            {"sector", "0", "must be one of"},
        };
        for (Object[] c : cases) {
            String value = c[0].equals("name") && !c[1].equals("123") ? "\"" + c[1] + "\"" : (String) c[1];
            String name = c[0].equals("name") ? value : "\"Tỉnh ủy thử\"";
            String sector = c[0].equals("sector") ? value : "\"OTHER\"";
            String founded = c[0].equals("foundedOn") ? ", \"foundedOn\": " + value : "";
            String body = "{\"id\": \"" + id + "\", \"type\": \"PROVINCIAL_COMMITTEE\", \"sector\": " + sector
                    + ", \"name\": " + name + founded + "}";
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post(BASE).then()
                    .statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo(c[0]))
                    .body("errors[0].message", containsString((String) c[2]));
        }
        // raw bytes that are not UTF-8
        byte[] invalid = ("{\"id\": \"" + id + "\", \"type\": \"PROVINCIAL_COMMITTEE\", \"sector\": \"OTHER\", \"name\": \"T\u00ff\"}")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().header("Authorization", ADMIN).contentType("application/json").body(invalid).post(BASE).then()
                .statusCode(400).contentType(PROBLEM);
        given().header("Authorization", ADMIN).get(BASE + "/" + id).then().statusCode(404);
        // query text: NUL, control characters and bytes that are not UTF-8 never reach the database
        for (String q : new String[] {"a%00b", "a%07", "%FF", "%ED%A0%80"}) {
            given().urlEncodingEnabled(false).header("Authorization", ADMIN).get(BASE + "?q=" + q).then()
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("q"));
        }
    }

    @Test
    void aCursorOfOneListIsRefusedByAnother() {
        Tree.Small t = Tree.small("foreign-cursor");
        String cursor = given().header("Authorization", ADMIN).queryParam("within", t.province()).queryParam("limit", 1)
                .get(BASE).then().statusCode(200).extract().path("nextCursor");
        org.junit.jupiter.api.Assertions.assertNotNull(cursor);
        given().header("Authorization", ADMIN).queryParam("cursor", cursor).queryParam("limit", 1)
                .get(BASE + "/" + t.province() + "/subtree").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().header("Authorization", ADMIN).queryParam("within", t.province()).queryParam("cursor", cursor).queryParam("limit", 1)
                .get(BASE).then().statusCode(200);
    }

    @Test
    void noTokenNoEntry() {
        given().get(BASE).then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token").get(BASE).then().statusCode(401);
    }

    @Test
    void theCorrelationIdComesBack() {
        given().header("Authorization", ADMIN).header("X-Correlation-Id", "abc-123").get(BASE + "/" + UUID.randomUUID())
                .then().statusCode(404).header("X-Correlation-Id", "abc-123").body("correlationId", equalTo("abc-123"));
    }
}
