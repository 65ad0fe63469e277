package vn.grassroots.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.organization.Tree.ADMIN;
import static vn.grassroots.organization.Tree.BASE;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganizationTreeTest {

    @Test
    void buildsTheTreeWithPathsDepthsAndTheSubtreeAtAnyDepth() {
        Tree.Small t = Tree.small("tree");
        given().header("Authorization", ADMIN).get(BASE + "/" + t.group()).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("type", equalTo("PARTY_GROUP"))
                .body("depth", equalTo(4))
                .body("status", equalTo("ACTIVE"))
                .body("parentId", equalTo(t.cellA()))
                .body("path", equalTo("/" + t.province() + "/" + t.district() + "/" + t.commune() + "/" + t.cellA() + "/" + t.group() + "/"));

        given().header("Authorization", ADMIN).get(BASE + "/" + t.province() + "/subtree").then().statusCode(200)
                .body("items.id", containsInAnyOrder(t.district(), t.commune(), t.cellA(), t.cellB(), t.group()))
                .body("nextCursor", nullValue());
        given().header("Authorization", ADMIN).queryParam("maxDepth", 2).get(BASE + "/" + t.province() + "/subtree").then()
                .body("items.id", containsInAnyOrder(t.district(), t.commune()));
        given().header("Authorization", ADMIN).queryParam("type", "SUBORDINATE_CELL").get(BASE + "/" + t.district() + "/subtree")
                .then().body("items.id", containsInAnyOrder(t.cellA(), t.cellB()));

        given().header("Authorization", ADMIN).get(BASE + "/" + t.group() + "/ancestors").then().statusCode(200)
                .body("id", contains(t.province(), t.district(), t.commune(), t.cellA()));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.commune() + "/children").then().statusCode(200)
                .body("items.name", contains("Chi bộ bản Cang tree", "Chi bộ bản Sáng tree"));
    }

    @Test
    void nameSearchIgnoresVietnameseDiacritics() {
        Tree.Small t = Tree.small("search");
        given().header("Authorization", ADMIN).queryParam("within", t.province()).queryParam("q", "quai cang")
                .get(BASE).then().statusCode(200)
                .body("items.id", contains(t.commune()));
        given().header("Authorization", ADMIN).queryParam("within", t.province()).queryParam("q", "BAN SANG")
                .get(BASE).then().body("items.id", contains(t.cellB()));
        given().header("Authorization", ADMIN).queryParam("within", t.province()).queryParam("q", "đảng bộ")
                .get(BASE).then().body("items.id", contains(t.commune()));
        given().header("Authorization", ADMIN).queryParam("within", t.province()).queryParam("q", "cang")
                .get(BASE).then().body("items.id", contains(t.cellA(), t.commune()));
        given().header("Authorization", ADMIN).queryParam("within", t.province()).queryParam("q", "uai cang")
                .get(BASE).then().body("items.id", hasSize(0));
    }

    @Test
    void listsPageWithACursorWithoutGapsOrRepeats() {
        String p = Tree.province("Tỉnh ủy phân trang " + UUID.randomUUID());
        String d = Tree.create(ADMIN, p, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy A");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(Tree.create(ADMIN, d, "GRASSROOTS_CELL", "PUBLIC_SERVICE", "Chi bộ trường số " + i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = given().header("Authorization", ADMIN).queryParam("parentId", d).queryParam("limit", 3);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            var page = req.get(BASE).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(new HashSet<>(made), new HashSet<>(seen));
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        Tree.Small t = Tree.small("update");
        Map<String, Object> change = Map.of("type", "SUBORDINATE_CELL", "sector", "PUBLIC_SERVICE",
                "name", "Chi bộ Trạm y tế xã Quài Cang", "code", "TYT-" + UUID.randomUUID().toString().substring(0, 8),
                "foundingDecision", Map.of("number", "12-QĐ/ĐU", "date", "2021-03-02"));
        // no If-Match: 428
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(change)
                .put(BASE + "/" + t.cellB()).then().statusCode(428)
                .contentType("application/problem+json").body("type", equalTo("https://grassroots.vn/problems/if-match-required"));
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(change)
                .put(BASE + "/" + t.cellB()).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Chi bộ Trạm y tế xã Quài Cang"))
                .body("sector", equalTo("PUBLIC_SERVICE"))
                .body("foundingDecision.number", equalTo("12-QĐ/ĐU"));
        // the same stale version again: 412, and nothing changed
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("type", "SUBORDINATE_CELL", "sector", "OTHER", "name", "Ghi đè"))
                .put(BASE + "/" + t.cellB()).then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("https://grassroots.vn/problems/stale-version"));
        given().header("Authorization", ADMIN).get(BASE + "/" + t.cellB()).then()
                .body("name", equalTo("Chi bộ Trạm y tế xã Quài Cang")).body("version", equalTo(1));
        // an unchanged read costs a 304
        given().header("Authorization", ADMIN).header("If-None-Match", "\"1\"").get(BASE + "/" + t.cellB()).then().statusCode(304);
    }

    @Test
    void statisticsCountASubtree() {
        Tree.Small t = Tree.small("stats");
        given().header("Authorization", ADMIN).get(BASE + "/" + t.district() + "/statistics").then().statusCode(200)
                .body("total", equalTo(5))
                .body("active", equalTo(5))
                .body("byType.GRASSROOTS_COMMITTEE", equalTo(1))
                .body("byType.SUBORDINATE_CELL", equalTo(2))
                .body("byType.PARTY_GROUP", equalTo(1))
                .body("bySector.RESIDENTIAL", equalTo(3))
                .body("byStatus.ACTIVE", equalTo(5));
    }

    @Test
    void aCallerMayChooseTheIdAndTheIdempotencyKeyPreventsDoubles() {
        String p = Tree.province("Tỉnh ủy idempotent " + UUID.randomUUID());
        String chosen = UUID.randomUUID().toString();
        Map<String, Object> body = Tree.body(p, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Mường Ảng");
        body.put("id", chosen);
        String key = UUID.randomUUID().toString();
        String location = given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post(BASE).then().statusCode(201).body("id", equalTo(chosen))
                .header("Location", startsWith("http")).extract().header("Location");
        assertTrue(location.endsWith("/api/v1/organizations/" + chosen));
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post(BASE).then().statusCode(201).body("id", equalTo(chosen))
                .header("Idempotent-Replayed", "true").header("Location", equalTo(location));
        body.put("name", "Khác");
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post(BASE).then().statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/idempotency-key-reused"));
        // without the key, the same id is a conflict
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post(BASE).then().statusCode(409);
        given().header("Authorization", ADMIN).queryParam("parentId", p).get(BASE).then().body("items", hasSize(1));
    }

    @Test
    void committeesTermsAndSeats() {
        Tree.Small t = Tree.small("committee");
        String secretary = Tree.as("secretary", t.cellA());
        String committee = given().header("Authorization", secretary).contentType(ContentType.JSON)
                .body(Map.of("term", "2025-2030", "electedOn", "2025-06-20", "decision", Map.of("number", "45-QĐ/ĐU", "date", "2025-06-25")))
                .post(BASE + "/" + t.cellA() + "/committees").then().statusCode(201)
                .body("term", equalTo("2025-2030")).body("startYear", equalTo(2025)).extract().path("id");
        given().header("Authorization", secretary).contentType(ContentType.JSON).body(Map.of("term", "2025-2030"))
                .post(BASE + "/" + t.cellA() + "/committees").then().statusCode(409);
        given().header("Authorization", secretary).contentType(ContentType.JSON).body(Map.of("term", "2030-2025"))
                .post(BASE + "/" + t.cellA() + "/committees").then().statusCode(422);
        given().header("Authorization", secretary).contentType(ContentType.JSON).body(Map.of("term", "nhiệm kỳ mới"))
                .post(BASE + "/" + t.cellA() + "/committees").then().statusCode(400).body("errors[0].field", equalTo("term"));

        String seats = BASE + "/" + t.cellA() + "/committees/" + committee + "/positions";
        String memberA = UUID.randomUUID().toString();
        var afterSeat = given().header("Authorization", secretary).contentType(ContentType.JSON)
                .body(Map.of("memberId", memberA, "memberName", "Lò Văn Pọm", "position", "SECRETARY",
                        "concurrentRoles", List.of("Trưởng bản"), "since", "2025-06-20"))
                .post(seats).then().statusCode(200)
                .body("positions", hasSize(1))
                .body("positions[0].concurrentRoles", contains("Trưởng bản"))
                .extract().jsonPath();
        String seatId = afterSeat.getString("positions[0].id");
        given().header("Authorization", secretary).contentType(ContentType.JSON)
                .body(Map.of("memberId", UUID.randomUUID().toString(), "position", "SECRETARY", "since", "2025-07-01"))
                .post(seats).then().statusCode(409).body("type", equalTo("https://grassroots.vn/problems/secretary-seat-taken"));
        given().header("Authorization", secretary).contentType(ContentType.JSON)
                .body(Map.of("memberId", memberA, "position", "DEPUTY_SECRETARY", "since", "2025-07-01"))
                .post(seats).then().statusCode(409);
        given().header("Authorization", secretary).contentType(ContentType.JSON)
                .body(Map.of("memberId", UUID.randomUUID().toString(), "position", "COMMITTEE_MEMBER", "since", "2019-01-01"))
                .post(seats).then().statusCode(422);
        given().header("Authorization", secretary).contentType(ContentType.JSON).body(Map.of("until", "2026-01-31", "reason", "Chuyển công tác"))
                .post(seats + "/" + seatId + "/end").then().statusCode(200)
                .body("positions[0].until", equalTo("2026-01-31"));
        given().header("Authorization", secretary).contentType(ContentType.JSON).body(Map.of("until", "2026-02-28"))
                .post(seats + "/" + seatId + "/end").then().statusCode(409);
        // the seat is free again
        given().header("Authorization", secretary).contentType(ContentType.JSON)
                .body(Map.of("memberId", UUID.randomUUID().toString(), "memberName", "Quàng Thị Dung", "position", "SECRETARY", "since", "2026-02-01"))
                .post(seats).then().statusCode(200).body("positions", hasSize(2));
        given().header("Authorization", Tree.as("member", t.cellA())).get(BASE + "/" + t.cellA() + "/committees").then()
                .statusCode(200).body("[0].positions", hasSize(2));

        // working regulations
        given().header("Authorization", secretary).contentType(ContentType.JSON)
                .body(Map.of("documentNumber", "01-QC/CB", "issuedOn", "2025-07-10", "title", "Quy chế làm việc của chi ủy nhiệm kỳ 2025-2030", "term", "2025-2030"))
                .post(BASE + "/" + t.cellA() + "/regulations").then().statusCode(201).body("id", notNullValue());
        given().header("Authorization", secretary).contentType(ContentType.JSON)
                .body(Map.of("documentNumber", "01-QC/CB", "issuedOn", "2025-07-10", "title", "Trùng số"))
                .post(BASE + "/" + t.cellA() + "/regulations").then().statusCode(409);
        given().header("Authorization", secretary).get(BASE + "/" + t.cellA() + "/regulations").then()
                .body("documentNumber", contains("01-QC/CB"));
        // a member may read but not keep records; a secretary cannot touch another cell
        given().header("Authorization", Tree.as("member", t.cellA())).contentType(ContentType.JSON).body(Map.of("term", "2030-2035"))
                .post(BASE + "/" + t.cellA() + "/committees").then().statusCode(403);
        given().header("Authorization", secretary).contentType(ContentType.JSON).body(Map.of("term", "2025-2030"))
                .post(BASE + "/" + t.cellB() + "/committees").then().statusCode(403);
    }
}
