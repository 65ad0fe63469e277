package vn.grassroots.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.MEMBERS;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed.Org;

/**
 * A one-word name query reads its later-word matches from member_word (V14), which the database's triggers keep (V15): the
 * list follows a rename, a transfer and a move of the organization, filters on the member's own values still apply,
 * and the table stays equal to the words of every member's name.
 */
@QuarkusTest
class NameWordsTest {
    static final LocalDate TODAY = MembersTest.TODAY;

    @Test
    void aOneWordQueryFollowsRenamesTransfersAndMoves() {
        OrgFeed.Tree t = OrgFeed.tree("words");
        String w = "Qv" + Api.randomWord(6);
        String q = MEMBERS + "?q=" + w.substring(0, 5).toLowerCase() + "&organizationId=";
        String inner = Api.create(ADMIN, Api.member(t.cellA().id, "Lò Văn " + w, TODAY.minusYears(5), "OFFICIAL"));
        String innerB = Api.create(ADMIN, Api.member(t.cellB().id, "Cầm " + w + "x Thị", TODAY.minusMonths(3), "PROBATIONARY"));
        String starting = Api.create(ADMIN, Api.member(t.cellA().id, w + " Văn Ba", TODAY.minusYears(5), "OFFICIAL"));
        var renamedBody = Api.member(t.cellA().id, "Hà Thị Lan", TODAY.minusYears(5), "OFFICIAL");
        String renamed = Api.create(ADMIN, renamedBody);
        Api.get(ADMIN, MEMBERS + "?q=" + w.toLowerCase() + "x").statusCode(200).body("items.id", contains(innerB));

        // by name: "cam Wx thi", "lo van W", "W van ba"
        Api.get(ADMIN, q + t.province().id).statusCode(200).body("items.id", contains(innerB, inner, starting));
        // the member's own values: only the probationary one
        Api.get(ADMIN, q + t.province().id + "&status=PROBATIONARY").statusCode(200).body("items.id", contains(innerB));

        // a rename brings a name in ("ha W lan" sorts between the two)
        renamedBody.remove("admissionDate");
        renamedBody.remove("officialDate");
        renamedBody.remove("organizationId");
        renamedBody.remove("status");
        renamedBody.put("fullName", "Hà " + w + " Lan");
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(renamedBody)
                .put(MEMBERS + "/" + renamed).then().statusCode(200);
        Api.get(ADMIN, q + t.province().id).statusCode(200).body("items.id", contains(innerB, renamed, inner, starting));

        // a transfer: the member of cell B now in cell A
        String tid = Api.post(ADMIN, TransfersTest.TRANSFERS, TransfersTest.transfer(innerB, "OFFICIAL", t.cellA().id, TODAY, null))
                .statusCode(201).extract().path("id");
        Api.post(ADMIN, TransfersTest.TRANSFERS + "/" + tid + "/accept", Map.of("acceptedOn", TODAY.toString())).statusCode(200);
        Api.get(ADMIN, q + t.cellB().id).statusCode(200).body("items", empty());
        Api.get(ADMIN, q + t.cellA().id + "&includeDescendants=false").statusCode(200)
                .body("items.id", contains(innerB, renamed, inner, starting));

        // a move: cell A goes to another commune, its members' words with it
        Org other = OrgFeed.org(t.district(), "GRASSROOTS_COMMITTEE", "Đảng bộ xã Mường Mùn words");
        OrgFeed.state(other);
        OrgFeed.awaitApplied(other.id, 0, other.path);
        OrgFeed.move(t.cellA(), t.commune(), other, 2, "12-QĐ/HU");
        Api.get(ADMIN, q + t.commune().id).statusCode(200).body("items", empty());
        Api.get(ADMIN, q + other.id).statusCode(200).body("items.id", contains(innerB, renamed, inner, starting));

        // every row of member_word is a later word of its member's name as it is now, and every such word has its row
        String recount = "SELECT w, m.org_path, m.search_name, m.id FROM member m, name_later_words(m.search_name) AS w";
        String table = "SELECT word, org_path, search_name, member_id FROM member_word";
        assertEquals(0L, count("SELECT count(*) FROM ((" + table + " EXCEPT ALL " + recount + ") UNION ALL (" + recount
                + " EXCEPT ALL " + table + ")) d"));
    }

    /**
     * The whole tree reads each word's names in order and merges them (the subtree is a large share of all members); a
     * small subtree reads its range of each word and sorts. Both give the same pages: each name once though two of its
     * later words hold the prefix, in (name, id) order, merged with the names that start with the query.
     */
    @Test
    void bothReadsOfTheWordsGiveTheSamePages() {
        OrgFeed.Tree t = OrgFeed.tree("word-reads");
        String w = "Qy" + Api.randomWord(6);
        List<String> expected = new ArrayList<>();
        for (String name : List.of("Cầm " + w + "b", "Hà Văn " + w + "a", "Lò " + w + "a " + w + "b", w + "c Văn", "Vi " + w + "c Thị")) {
            expected.add(Api.create(ADMIN, Api.member(t.cellA().id, name, TODAY.minusYears(5), name.startsWith("Hà") ? "PROBATIONARY" : "OFFICIAL")));
        }
        String q = w.toLowerCase();
        assertEquals(expected, pages(MEMBERS + "?q=" + q));
        assertEquals(expected, pages(MEMBERS + "?q=" + q + "&organizationId=" + t.province().id));
        Api.get(ADMIN, MEMBERS + "?q=" + q + "&status=PROBATIONARY").statusCode(200).body("items.id", contains(expected.get(1)));
        Api.get(ADMIN, MEMBERS + "?q=" + q + "&status=PROBATIONARY&organizationId=" + t.province().id).statusCode(200)
                .body("items.id", contains(expected.get(1)));
    }

    /**
     * The triggers work per statement (V15): one statement over several members keeps each one's words, the renamed
     * one's anew, the others' as they were; a delete takes a member's words with it.
     */
    @Test
    void oneStatementOverSeveralMembersKeepsEachOnesWords() {
        OrgFeed.Tree t = OrgFeed.tree("word-statements");
        String w = "Qz" + Api.randomWord(6);
        String a = Api.create(ADMIN, Api.member(t.cellA().id, "Lò Văn " + w, TODAY.minusYears(5), "OFFICIAL"));
        String b = Api.create(ADMIN, Api.member(t.cellB().id, "Cầm Thị " + w + "b", TODAY.minusYears(5), "OFFICIAL"));
        String ids = "('" + a + "', '" + b + "')";
        String words = "SELECT string_agg(word || '@' || search_name, ',' ORDER BY word, search_name) FROM member_word WHERE member_id IN " + ids;
        String lw = w.toLowerCase();
        assertEquals(String.join(",", lw + "@lo van " + lw, lw + "b@cam thi " + lw + "b", "thi@cam thi " + lw + "b", "van@lo van " + lw),
                text(words));

        // one UPDATE: a renamed and both moved to cell B's path
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("UPDATE member SET search_name = CASE WHEN id = '" + a
                + "' THEN 'lo " + lw + "c' ELSE search_name END, org_path = (SELECT org_path FROM member WHERE id = '" + b
                + "') WHERE id IN " + ids).executeUpdate());
        assertEquals(String.join(",", lw + "b@cam thi " + lw + "b", lw + "c@lo " + lw + "c", "thi@cam thi " + lw + "b"), text(words));
        assertEquals(0L, count("SELECT count(*) FROM member_word mw JOIN member m ON m.id = mw.member_id WHERE m.id IN " + ids
                + " AND mw.org_path IS DISTINCT FROM m.org_path"));

        // one DELETE of both (rolled back: members are never deleted, but the table must not keep words of none)
        long left = QuarkusTransaction.requiringNew().call(() -> {
            em().createNativeQuery("SAVEPOINT before_delete").executeUpdate();
            em().createNativeQuery("DELETE FROM member_status_change WHERE member_id IN " + ids).executeUpdate();
            em().createNativeQuery("DELETE FROM member WHERE id IN " + ids).executeUpdate();
            long n = ((Number) em().createNativeQuery("SELECT count(*) FROM member_word WHERE member_id IN " + ids).getSingleResult()).longValue();
            em().createNativeQuery("ROLLBACK TO SAVEPOINT before_delete").executeUpdate();
            return n;
        });
        assertEquals(0L, left);
        assertEquals(3L, count("SELECT count(*) FROM member_word WHERE member_id IN " + ids));
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }

    private static String text(String query) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em().createNativeQuery(query).getSingleResult());
    }

    private static List<String> pages(String path) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", ADMIN).queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(path).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return seen;
    }

    private static long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery(query).getSingleResult()).longValue());
    }
}
