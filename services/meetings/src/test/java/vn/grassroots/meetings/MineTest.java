package vn.grassroots.meetings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed;

/** A member's own calendar: every organization where they are active, ETag/304 and updatedSince. */
@QuarkusTest
class MineTest {

    @Test
    void aMemberSeesTheMeetingsOfTheirCellAndTemporaryHostWithConditionalGets() {
        Feed.Tree t = Feed.tree("mine");
        Feed.Member me = Feed.member(t.cellA(), "Vì Văn Tôi", "OFFICIAL");
        me.hosts = List.<String[]>of(new String[] {t.cellB().id, LocalDate.now().plusMonths(2).toString()});
        Feed.members(me);
        String secA = Api.as("secretary", t.cellA());
        String secB = Api.as("secretary", t.cellB());
        String ownCell = Api.published(secA, t.cellA(), "REGULAR");
        String host = Api.published(secB, t.cellB(), "THEMATIC");
        String draft = Api.create(secA, Api.meeting(t.cellA(), "EXTRAORDINARY"));
        OrganizationFeed.Org elsewhere = Feed.org(t.commune(), "SUBORDINATE_CELL", "Chi bộ bản Khác mine");
        Feed.orgState(elsewhere);
        Feed.await("organization", () -> Feed.count("SELECT count(*) FROM org_ref WHERE id = ?1", java.util.UUID.fromString(elsewhere.id)) == 1);
        Api.published(Api.as("secretary", elsewhere), elsewhere, "REGULAR");

        String token = Api.memberToken(me);
        var first = Api.get(token, Api.MEETINGS + "/mine").statusCode(200).body("items", hasSize(2)).extract();
        List<String> ids = first.path("items.id");
        assertTrue(ids.containsAll(List.of(ownCell, host)) && !ids.contains(draft));
        String etag = first.header("ETag");
        given().header("Authorization", token).header("If-None-Match", etag).get(Api.MEETINGS + "/mine").then().statusCode(304);

        // a change makes the page new again
        Instant before = Instant.now();
        Api.post(secB, Api.MEETINGS + "/" + host + "/cancel", Map.of("reason", "Trùng lịch họp huyện")).statusCode(200);
        var second = given().header("Authorization", token).header("If-None-Match", etag).get(Api.MEETINGS + "/mine").then().statusCode(200).extract();
        assertNotEquals(etag, second.header("ETag"));
        // delta sync: only what changed since
        Api.get(token, Api.MEETINGS + "/mine?updatedSince=" + before).statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(host)).body("items[0].state", equalTo("CANCELLED"));
        Api.get(token, Api.MEETINGS + "/mine?limit=1").statusCode(200).body("items", hasSize(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
        Api.get(token, Api.MEETINGS + "/mine?updatedSince=yesterday").statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        // a token without a member id has no calendar
        Api.get(Api.as("organizer", t.district()), Api.MEETINGS + "/mine").statusCode(403);
        assertEquals(0, Api.get(token, Api.MEETINGS + "/mine?updatedSince=" + Instant.now().plusSeconds(60)).statusCode(200)
                .extract().<List<?>>path("items").size());
    }
}
