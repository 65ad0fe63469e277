package vn.grassroots.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.MEMBERS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed.Org;

/** Members: registration, reading, scope, profile updates, search and filters. */
@QuarkusTest
class MembersTest {
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void registerReadAndReplay() {
        OrgFeed.Tree t = OrgFeed.tree("register");
        var body = Api.member(t.cellA().id, "Lò Văn Thắng", TODAY.minusYears(5), "OFFICIAL");
        body.put("partyCardNumber", "CARD-" + UUID.randomUUID().toString().substring(0, 8));
        String key = UUID.randomUUID().toString();
        String id = given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(MEMBERS).then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/members/")).extract().path("id");
        // the same card number in another request: refused
        given().header("Authorization", ADMIN).header("Idempotency-Key", key + "x").contentType(ContentType.JSON).body(body)
                .post(MEMBERS).then().statusCode(409).body("type", equalTo("https://grassroots.vn/problems/party-card-taken"));
        // the same request with the same key: the first answer again, nothing created twice
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(MEMBERS).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Api.get(ADMIN, MEMBERS + "/" + id).statusCode(200).header("ETag", "\"0\"")
                .body("fullName", equalTo("Lò Văn Thắng"))
                .body("citizenId", equalTo("011085001234"))
                .body("status", equalTo("OFFICIAL"))
                .body("organizationName", equalTo("Chi bộ bản Cang register"))
                .body("officialDate", equalTo(TODAY.minusYears(4).toString()));
        given().header("Authorization", ADMIN).header("If-None-Match", "\"0\"").get(MEMBERS + "/" + id).then().statusCode(304);
        // the secretary of the cell reads it with the citizen id masked
        Api.get(Api.as("secretary", t.cellA().id), MEMBERS + "/" + id).statusCode(200).body("citizenId", equalTo("********1234"));
        Api.get(ADMIN, MEMBERS + "/" + UUID.randomUUID()).statusCode(404);
    }

    @Test
    void theOrganizationMustBeAnActiveCellOrPartyGroupKnownHere() {
        OrgFeed.Tree t = OrgFeed.tree("cells");
        Api.post(ADMIN, MEMBERS, Api.member(t.commune().id, "Quàng Văn A", TODAY.minusYears(3), "OFFICIAL")).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/not-a-cell")).body("errors[0].field", equalTo("organizationId"));
        Api.post(ADMIN, MEMBERS, Api.member(UUID.randomUUID().toString(), "Quàng Văn A", TODAY.minusYears(3), "OFFICIAL")).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/unknown-organization"));
        Api.post(ADMIN, MEMBERS, Api.member(t.group().id, "Quàng Văn B", TODAY.minusYears(3), "OFFICIAL")).statusCode(201);
        Org cell = t.cellB();
        cell.status = "DISSOLVED";
        cell.version = 1;
        OrgFeed.event("dissolved", cell, Map.of("decision", Map.of("number", "5-QĐ/HU", "date", "2025-03-01")));
        OrgFeed.awaitApplied(cell.id, 1, cell.path);
        Api.post(ADMIN, MEMBERS, Api.member(cell.id, "Quàng Văn C", TODAY.minusYears(3), "OFFICIAL")).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/organization-not-active"));
    }

    @Test
    void badInputIsA400NamingTheFields() {
        OrgFeed.Tree t = OrgFeed.tree("bad-input");
        var body = Api.member(t.cellA().id, "", TODAY.minusYears(3), "OFFICIAL");
        body.put("citizenId", "12ab");
        body.put("email", "not-an-email");
        body.remove("birthDate");
        Api.post(ADMIN, MEMBERS, body).statusCode(400)
                .body("errors.field", containsInAnyOrder("fullName", "citizenId", "email", "birthDate"));
        var wrongEnum = Api.member(t.cellA().id, "Lò Thị Hoa", TODAY.minusYears(3), "OFFICIAL");
        wrongEnum.put("theoryLevel", "DOCTORATE");
        Api.post(ADMIN, MEMBERS, wrongEnum).statusCode(400).body("errors[0].field", equalTo("theoryLevel"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"fullName\": ").post(MEMBERS).then().statusCode(400)
                .contentType("application/problem+json");
        Api.get(ADMIN, MEMBERS + "?status=ALIVE").statusCode(400).body("errors[0].field", equalTo("status"));
        Api.get(ADMIN, MEMBERS + "?admissionYear=last").statusCode(400).body("errors[0].field", equalTo("admissionYear"));
        Api.get(ADMIN, MEMBERS + "?cursor=garbage!").statusCode(400).body("errors[0].field", equalTo("cursor"));
        Api.get(ADMIN, MEMBERS + "?organizationId=12").statusCode(400).body("errors[0].field", equalTo("organizationId"));
        var early = Api.member(t.cellA().id, "Lò Thị Hoa", TODAY.minusMonths(6), "OFFICIAL");
        early.put("officialDate", TODAY.toString());
        Api.post(ADMIN, MEMBERS, early).statusCode(422).body("errors[0].field", equalTo("officialDate"));
        var removed = Api.member(t.cellA().id, "Lò Thị Hoa", TODAY.minusYears(3), "REMOVED");
        Api.post(ADMIN, MEMBERS, removed).statusCode(422).body("errors[0].field", equalTo("status"));
        Api.get(ADMIN, MEMBERS + "/not-a-uuid").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void scopeDecidesWhoSeesWhom() {
        OrgFeed.Tree a = OrgFeed.tree("scope-a");
        OrgFeed.Tree b = OrgFeed.tree("scope-b");
        String inA = Api.create(ADMIN, Api.member(a.cellA().id, "Lường Văn Minh", TODAY.minusYears(3), "OFFICIAL"));
        String inA2 = Api.create(ADMIN, Api.member(a.cellB().id, "Lường Thị Mai", TODAY.minusYears(3), "OFFICIAL"));
        String inB = Api.create(ADMIN, Api.member(b.cellA().id, "Lường Văn Nam", TODAY.minusYears(3), "OFFICIAL"));

        String organizerA = Api.as("organizer", a.district().id);
        Api.get(organizerA, MEMBERS + "/" + inA).statusCode(200).body("citizenId", equalTo("011085001234"));
        Api.get(organizerA, MEMBERS + "/" + inB).statusCode(403).body("type", equalTo("https://grassroots.vn/problems/out-of-scope"));
        Api.get(organizerA, MEMBERS + "?q=luong").statusCode(200).body("items.id", hasItem(inA)).body("items.id", not(hasItem(inB)));
        Api.get(organizerA, MEMBERS + "?organizationId=" + b.cellA().id).statusCode(403);
        Api.post(organizerA, MEMBERS, Api.member(b.cellA().id, "Lường Văn Ba", TODAY.minusYears(3), "OFFICIAL")).statusCode(403);

        String secretaryA = Api.as("secretary", a.cellA().id);
        Api.get(secretaryA, MEMBERS).statusCode(200).body("items.id", contains(inA)).body("items[0].citizenId", equalTo("********1234"));
        Api.get(secretaryA, MEMBERS + "/" + inA2).statusCode(403);
        Api.post(secretaryA, MEMBERS, Api.member(a.cellA().id, "Lường Văn Ba", TODAY.minusYears(3), "OFFICIAL")).statusCode(403);

        String self = Api.memberToken(a.cellA().id, inA);
        Api.get(self, MEMBERS + "/" + inA).statusCode(200).body("citizenId", equalTo("011085001234"));
        Api.get(self, MEMBERS + "/" + inA2).statusCode(403);
        Api.get(self, MEMBERS).statusCode(200).body("items.id", contains(inA));
        Api.get(Api.as("member", a.cellA().id), MEMBERS + "/" + inA).statusCode(403); // no member_id claim
        given().when().get(MEMBERS).then().statusCode(401);

        String auditorA = Api.as("auditor", a.province().id);
        Api.get(auditorA, MEMBERS + "/" + inA).statusCode(200).body("citizenId", equalTo("********1234"));
        Api.post(auditorA, MEMBERS, Api.member(a.cellA().id, "Lường Văn Ba", TODAY.minusYears(3), "OFFICIAL")).statusCode(403);
        Api.get(auditorA, MEMBERS + "/audit?entityId=" + inA).statusCode(200).body("items[0].action", equalTo("member.registered"));
    }

    @Test
    void profileUpdatesNeedTheCurrentVersion() {
        OrgFeed.Tree t = OrgFeed.tree("update");
        var body = Api.member(t.cellA().id, "Tòng Văn Sơn", TODAY.minusYears(3), "OFFICIAL");
        String id = Api.create(ADMIN, body);
        var profile = new java.util.HashMap<>(body);
        profile.remove("admissionDate");
        profile.remove("officialDate");
        profile.remove("organizationId");
        profile.remove("status");
        profile.put("theoryLevel", "INTERMEDIATE");
        String card = "PC" + UUID.randomUUID().toString().substring(0, 8);
        profile.put("partyCardNumber", card);
        String path = MEMBERS + "/" + id;
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(profile).put(path).then().statusCode(428);
        given().header("Authorization", ADMIN).header("If-Match", "\"7\"").contentType(ContentType.JSON).body(profile).put(path).then()
                .statusCode(412).body("type", equalTo("https://grassroots.vn/problems/stale-version"));
        // the secretary of the member's cell keeps the profile
        given().header("Authorization", Api.as("secretary", t.cellA().id)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(profile).put(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("theoryLevel", equalTo("INTERMEDIATE")).body("partyCardNumber", equalTo(card)).body("status", equalTo("OFFICIAL"));
        // the status is not part of the profile: a status sent along is refused (400 naming it), nothing changes
        profile.put("status", "EXPELLED");
        given().header("Authorization", ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(profile).put(path).then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
        profile.remove("status");
        given().header("Authorization", ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(profile).put(path).then()
                .statusCode(200).body("status", equalTo("OFFICIAL")).header("ETag", "\"2\"");
        // an issued card number stays, and another member cannot take it
        profile.put("partyCardNumber", "OTHER-1");
        given().header("Authorization", ADMIN).header("If-Match", "\"2\"").contentType(ContentType.JSON).body(profile).put(path).then()
                .statusCode(422).body("errors[0].field", equalTo("partyCardNumber"));
        var second = Api.member(t.cellA().id, "Tòng Thị Lan", TODAY.minusYears(3), "OFFICIAL");
        second.put("partyCardNumber", card);
        Api.post(ADMIN, MEMBERS, second).statusCode(409).body("type", equalTo("https://grassroots.vn/problems/party-card-taken"));
        // a secretary of another cell may not
        profile.put("partyCardNumber", card);
        given().header("Authorization", Api.as("secretary", t.cellB().id)).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(profile).put(path).then().statusCode(403);
    }

    /** The index holds the phrase of up to three words from each word of a name; a longer query checks the rest by LIKE. */
    @Test
    void aNameIsFoundByThePhraseFromAnyOfItsWordsAndALongQueryByAllItsWords() {
        OrgFeed.Tree t = OrgFeed.tree("phrases");
        String tag = UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "abcdef";
        String id = Api.create(ADMIN, Api.member(t.cellA().id, "Nguyễn Trần Thị Yên " + tag, TODAY.minusYears(5), "OFFICIAL"));
        String in = MEMBERS + "?organizationId=" + t.province().id + "&q=";

        Api.get(ADMIN, in + "tran thi yen " + tag).statusCode(200).body("items.id", contains(id));
        Api.get(ADMIN, in + "Thị Yên " + tag.substring(0, 3)).statusCode(200).body("items.id", contains(id));
        Api.get(ADMIN, in + "nguyen tran thi yen " + tag.substring(0, 4)).statusCode(200).body("items.id", contains(id));
        Api.get(ADMIN, in + tag.substring(0, 5)).statusCode(200).body("items.id", contains(id));
        Api.get(ADMIN, in + "tran yen " + tag).statusCode(200).body("items", empty());
        Api.get(ADMIN, in + "nguyen tran thi yen " + tag + "x").statusCode(200).body("items", empty());
        Api.get(ADMIN, in + "nguyen tran thi yenx " + tag).statusCode(200).body("items", empty());
    }

    /**
     * A name query's pages merge the names that start with it (read in name order) and those holding it from a later
     * word (V13's index), in name order, each name once, across pages.
     */
    @Test
    void aNameQueryPagesThroughNamesStartingWithItAndHoldingItLaterInNameOrder() {
        OrgFeed.Tree t = OrgFeed.tree("merge");
        String w = "Qz" + Api.randomWord(6);
        Map<String, String> ids = new HashMap<>();
        for (String name : List.of("Sơn " + w, "Ánh " + w, w + " Bình", w + "x Em", "Cao " + w + " Dũng", w + " " + w, "Hà X" + w)) {
            ids.put(name, Api.create(ADMIN, Api.member(t.cellA().id, name, TODAY.minusYears(5), "OFFICIAL")));
        }
        // in name order: anh W, cao W dung, W binh, W W, Wx em, son W; not "ha xW" (not from the start of a word)
        List<String> expected = List.of("Ánh " + w, "Cao " + w + " Dũng", w + " Bình", w + " " + w, w + "x Em", "Sơn " + w)
                .stream().map(ids::get).toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", ADMIN).queryParam("q", w.toLowerCase()).queryParam("limit", 2)
                    .queryParam("organizationId", t.province().id).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(MEMBERS).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(expected, seen);
    }

    @Test
    void searchFiltersAndPages() {
        OrgFeed.Tree t = OrgFeed.tree("search");
        var a = Api.member(t.cellA().id, "Nguyễn Văn Đức", TODAY.minusYears(10), "OFFICIAL");
        a.put("birthDate", TODAY.minusYears(45).toString());
        String ducId = Api.create(ADMIN, a);
        var b = Api.member(t.group().id, "Nguyễn Thị Hằng", LocalDate.of(TODAY.getYear() - 2, 3, 8), "OFFICIAL");
        b.put("gender", "FEMALE");
        b.put("birthDate", TODAY.minusYears(25).toString());
        b.put("theoryLevel", "NONE");
        String hangId = Api.create(ADMIN, b);
        var c = Api.member(t.cellB().id, "Trần Văn Ánh", TODAY.minusMonths(2), "PROBATIONARY");
        c.put("birthDate", TODAY.minusYears(65).toString());
        c.put("partyCardNumber", "S-" + UUID.randomUUID().toString().substring(0, 8));
        String anhId = Api.create(ADMIN, c);
        String scope = Api.as("organizer", t.commune().id);

        Api.get(scope, MEMBERS + "?q=van duc").statusCode(200).body("items.id", contains(ducId));
        Api.get(scope, MEMBERS + "?q=NGUYỄN").statusCode(200).body("items.id", contains(hangId, ducId));
        // words in order, each from its start, the last one possibly cut short
        Api.get(scope, MEMBERS + "?q=nguyen van d").statusCode(200).body("items.id", contains(ducId));
        Api.get(scope, MEMBERS + "?q=Đ").statusCode(200).body("items.id", contains(ducId));
        Api.get(scope, MEMBERS + "?q=guyen").statusCode(200).body("items", empty());
        Api.get(scope, MEMBERS + "?q=duc van").statusCode(200).body("items", empty());
        Api.get(scope, MEMBERS + "?q=van%25").statusCode(200).body("items", empty());
        Api.get(scope, MEMBERS + "?partyCardNumber=" + c.get("partyCardNumber")).statusCode(200).body("items.id", contains(anhId));
        Api.get(scope, MEMBERS + "?status=PROBATIONARY").statusCode(200).body("items.id", contains(anhId))
                .body("items[0].probationEndsOn", equalTo(TODAY.minusMonths(2).plusMonths(12).toString()));
        Api.get(scope, MEMBERS + "?gender=FEMALE").statusCode(200).body("items.id", contains(hangId));
        Api.get(scope, MEMBERS + "?ageBand=FROM_41_TO_50").statusCode(200).body("items.id", contains(ducId));
        Api.get(scope, MEMBERS + "?ageBand=UNDER_30,OVER_60").statusCode(200).body("items.id", contains(hangId, anhId));
        Api.get(scope, MEMBERS + "?theoryLevel=NONE").statusCode(200).body("items.id", contains(hangId));
        Api.get(scope, MEMBERS + "?admissionYear=" + (TODAY.getYear() - 2)).statusCode(200).body("items.id", contains(hangId));
        Api.get(scope, MEMBERS + "?organizationId=" + t.cellA().id).statusCode(200).body("items.id", contains(hangId, ducId));
        Api.get(scope, MEMBERS + "?organizationId=" + t.cellA().id + "&includeDescendants=false").statusCode(200)
                .body("items.id", contains(ducId));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", scope).queryParam("limit", 1).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(MEMBERS).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(hangId, ducId, anhId), seen);
        Api.get(scope, MEMBERS + "?limit=0").statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
