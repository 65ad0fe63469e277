package vn.grassroots.assignments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed.Org;

@QuarkusTest
class HouseholdsAndCoverageTest {
    static final String HOUSEHOLDS = "/api/v1/households";
    static final String ASSIGNMENTS = "/api/v1/assignments";

    static Map<String, Object> household(Org cell, String head) {
        Map<String, Object> b = new HashMap<>();
        b.put("organizationId", cell.id);
        b.put("address", "Số 12, bản Cang, xã Quài Cang");
        b.put("headName", head);
        b.put("peopleCount", 5);
        b.put("notes", "Hộ cận nghèo");
        return b;
    }

    @Test
    void keepsHouseholdsOfResidentialCells() {
        Feed.Tree t = Feed.tree("H1");
        String secretary = Api.as("secretary", t.cellA());
        String id = Api.post(secretary, HOUSEHOLDS, household(t.cellA(), "Lò Văn Pâng"))
                .statusCode(201).header("ETag", "\"1\"").body("headName", equalTo("Lò Văn Pâng")).extract().path("id");
        // not a residential cell: the commune committee, the school cell
        Api.post(Api.ADMIN, HOUSEHOLDS, household(t.commune(), "Quàng Thị Xuân"))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/not-residential-cell"));
        Api.post(Api.ADMIN, HOUSEHOLDS, household(t.school(), "Quàng Thị Xuân")).statusCode(422);
        // another cell's secretary may not register there
        Api.post(Api.as("secretary", t.cellB()), HOUSEHOLDS, household(t.cellA(), "Quàng Thị Xuân"))
                .statusCode(403).body("type", equalTo("https://grassroots.vn/problems/out-of-scope"));
        Map<String, Object> bad = household(t.cellA(), " ");
        bad.put("peopleCount", 0);
        Api.post(secretary, HOUSEHOLDS, bad).statusCode(400).body("errors.field", containsInAnyOrder("headName", "peopleCount"));

        // a retried create with the same Idempotency-Key creates once
        String first = given().header("Authorization", secretary).header("Idempotency-Key", "hh-" + t.cellA().id)
                .contentType("application/json").body(household(t.cellA(), "Lường Văn Ơn")).post(HOUSEHOLDS)
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", secretary).header("Idempotency-Key", "hh-" + t.cellA().id)
                .contentType("application/json").body(household(t.cellA(), "Lường Văn Ơn")).post(HOUSEHOLDS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        Map<String, Object> changed = household(t.cellA(), "Lò Văn Pâng");
        changed.put("peopleCount", 6);
        Api.put(secretary, HOUSEHOLDS + "/" + id, null, changed).statusCode(428);
        Api.put(secretary, HOUSEHOLDS + "/" + id, "\"9\"", changed).statusCode(412);
        Api.put(Api.as("organizer", t.district()), HOUSEHOLDS + "/" + id, "\"1\"", household(t.cellB(), "Lò Văn Pâng"))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/household-cell-fixed"));
        Api.put(secretary, HOUSEHOLDS + "/" + id, "\"1\"", changed).statusCode(200).header("ETag", "\"2\"").body("peopleCount", equalTo(6));
        given().header("Authorization", secretary).header("If-None-Match", "\"2\"").get(HOUSEHOLDS + "/" + id).then().statusCode(304);
        Api.get(Api.as("organizer", t.district()), HOUSEHOLDS + "?organizationId=" + t.commune().id).statusCode(200)
                .body("items.id", containsInAnyOrder(id, first));
        Api.get(Api.as("secretary", t.cellB()), HOUSEHOLDS + "/" + id).statusCode(403);
        Api.get(Api.as("secretary", t.cellB()), HOUSEHOLDS).statusCode(200).body("items", hasSize(0));
    }

    @Test
    void reportsCoverageOfASubtreeAndItsGaps() {
        Feed.Tree t = Feed.tree("C1");
        String provincial = Api.as("organizer", t.province());
        Feed.Member standing = Feed.member(t.cellA(), "Trần Văn Quyết");
        Feed.Member districtMember = Feed.member(t.cellA(), "Lò Văn Khoa");
        Feed.Member villager = Feed.member(t.cellA(), "Lường Thị Hằng");
        // the province follows the commune committee (a grassroots organization); the school cell is not followed
        Api.post(provincial, ASSIGNMENTS, AssignmentsTest.assignment(standing, "ORGANIZATION", t.commune().id, "FOLLOWS", t.province()))
                .statusCode(201).body("level", equalTo("PROVINCIAL"));
        // the district follows cell A; cell B is followed only by the commune (grassroots level), which does not count
        Api.post(provincial, ASSIGNMENTS, AssignmentsTest.assignment(districtMember, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district()))
                .statusCode(201).body("level", equalTo("DISTRICT"));
        Api.post(provincial, ASSIGNMENTS, AssignmentsTest.assignment(districtMember, "ORGANIZATION", t.cellB().id, "FOLLOWS", t.commune()))
                .statusCode(201).body("level", equalTo("GRASSROOTS"));
        // three households of cell A, one followed by a member
        String h1 = Api.post(provincial, HOUSEHOLDS, household(t.cellA(), "Lò Văn Một")).statusCode(201).extract().path("id");
        String h2 = Api.post(provincial, HOUSEHOLDS, household(t.cellA(), "Lò Văn Hai")).statusCode(201).extract().path("id");
        String h3 = Api.post(provincial, HOUSEHOLDS, household(t.cellA(), "Lò Văn Ba")).statusCode(201).extract().path("id");
        Api.post(Api.as("secretary", t.cellA()), ASSIGNMENTS, AssignmentsTest.assignment(villager, "HOUSEHOLD", h1, "FOLLOWS", t.cellA()))
                .statusCode(201).body("organizationId", equalTo(t.cellA().id));
        Api.post(Api.as("secretary", t.cellA()), ASSIGNMENTS, AssignmentsTest.assignment(villager, "HOUSEHOLD", h2, "ATTENDS_MEETINGS", t.cellA()))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/invalid-role"));

        Api.get(provincial, ASSIGNMENTS + "/coverage?organizationId=" + t.province().id).statusCode(200)
                .body("grassroots.total", equalTo(2)).body("grassroots.covered", equalTo(1)).body("grassroots.share", equalTo(0.5f))
                .body("cells.total", equalTo(3)).body("cells.covered", equalTo(1)).body("cells.uncovered", equalTo(2))
                .body("households.total", equalTo(3)).body("households.covered", equalTo(1));
        // the district's own view: its subtree only
        Api.get(Api.as("organizer", t.district()), ASSIGNMENTS + "/coverage").statusCode(200)
                .body("grassroots.total", equalTo(1)).body("grassroots.covered", equalTo(1)).body("grassroots.share", equalTo(1.0f))
                .body("cells.total", equalTo(2)).body("cells.covered", equalTo(1));
        Api.get(provincial, ASSIGNMENTS + "/coverage/gaps?level=GRASSROOTS&organizationId=" + t.province().id).statusCode(200)
                .body("items.id", containsInAnyOrder(t.school().id));
        Api.get(provincial, ASSIGNMENTS + "/coverage/gaps?level=CELL&organizationId=" + t.province().id).statusCode(200)
                .body("items.id", containsInAnyOrder(t.cellB().id, t.school().id));
        Api.get(provincial, ASSIGNMENTS + "/coverage/gaps?level=HOUSEHOLD&organizationId=" + t.province().id + "&limit=1").statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue());
        Api.get(provincial, ASSIGNMENTS + "/coverage/gaps?level=HOUSEHOLD&organizationId=" + t.province().id).statusCode(200)
                .body("items.id", containsInAnyOrder(h2, h3)).body("items[0].kind", equalTo("HOUSEHOLD"));
        Api.get(provincial, ASSIGNMENTS + "/coverage/gaps?organizationId=" + t.province().id).statusCode(400)
                .body("errors[0].field", equalTo("level"));
        // another district's organizer may not look at this district
        Api.get(Api.as("organizer", t.otherDistrict()), ASSIGNMENTS + "/coverage?organizationId=" + t.district().id).statusCode(403);
        Api.get(Api.as("organizer", t.otherDistrict()), ASSIGNMENTS + "/coverage?organizationId=" + List.of("x").get(0)).statusCode(400);
    }
}
