package vn.grassroots.organization;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.organization.Tree.ADMIN;
import static vn.grassroots.organization.Tree.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The statistics read the subtree counts kept by triggers (V2__organization_counts.sql): after founding, a move, a
 * merge, a split and a dissolution they must equal a recount of the organization table, at a province, a district and
 * the whole tree.
 */
@QuarkusTest
class StatisticsRecountTest {
    private static final Map<String, Object> DECISION = Map.of("number", "12-QĐ/TU", "date", "2025-08-01");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void statisticsEqualARecountAfterEveryRestructuring() throws Exception {
        Tree.Small t = Tree.small("recount");
        String otherProvince = Tree.province("Tỉnh ủy Lai Châu " + java.util.UUID.randomUUID());
        String otherDistrict = Tree.create(ADMIN, otherProvince, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Phong Thổ");
        String school = Tree.create(ADMIN, t.district(), "GRASSROOTS_CELL", "PUBLIC_SERVICE", "Chi bộ Trường THPT Tuần Giáo");
        List<String> watched = List.of(t.province(), t.district(), otherProvince, otherDistrict);
        assertAllEqualARecount(watched);
        given().header("Authorization", ADMIN).get(BASE + "/" + t.district() + "/statistics").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(6)).body("byType.SUBORDINATE_CELL", org.hamcrest.Matchers.equalTo(2));

        // a move of a commune (with its cells and group) to another province's district
        post(BASE + "/" + t.commune() + "/move", Map.of("newParentId", otherDistrict, "decision", DECISION));
        assertAllEqualARecount(watched);
        assertEquals(5L, stat(otherDistrict).get("total").asLong()); // itself, the commune, its two cells and the group

        // a merge of cell A into cell B (cell A's group moves to B, A becomes MERGED)
        post(BASE + "/merge", Map.of("sourceIds", List.of(t.cellA()), "targetId", t.cellB(), "decision", DECISION));
        assertAllEqualARecount(watched);

        // a split of the commune into two (it is dissolved, its cells go to the parts)
        post(BASE + "/" + t.commune() + "/split", Map.of("decision", DECISION, "parts", List.of(
                Map.of("name", "Đảng bộ xã Quài Cang 1", "childIds", List.of(t.cellB())),
                Map.of("name", "Đảng bộ xã Quài Cang 2", "sector", "OTHER"))));
        assertAllEqualARecount(watched);

        // dissolutions
        post(BASE + "/" + t.group() + "/dissolve", Map.of("decision", DECISION, "reason", "Không còn đảng viên"));
        post(BASE + "/" + school + "/dissolve", Map.of("decision", DECISION, "reason", "Sáp nhập trường"));
        assertAllEqualARecount(watched);
        JsonNode district = stat(t.district());
        assertEquals(1L, district.get("byStatus").get("DISSOLVED").asLong());
        assertTrue(district.get("byType").get("GRASSROOTS_CELL") == null, "a dissolved cell is not counted by type");
    }

    private static void post(String path, Map<String, Object> body) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post(path).then().statusCode(200);
    }

    private static JsonNode stat(String id) throws Exception {
        return JSON.readTree(given().header("Authorization", ADMIN).get(BASE + "/" + id + "/statistics").then()
                .statusCode(200).extract().asString());
    }

    /** The API's statistics of each organization, and the whole tree's counts, against a recount of the table. */
    private void assertAllEqualARecount(List<String> ids) throws Exception {
        for (String id : ids) {
            JsonNode api = stat(id);
            String path = QuarkusTransaction.requiringNew().call(() -> (String) em
                    .createNativeQuery("SELECT path FROM organization WHERE id = cast(?1 AS uuid)").setParameter(1, id)
                    .getSingleResult());
            Map<String, Map<String, Long>> recount = recount("path >= '" + path + "' AND path < '"
                    + path.substring(0, path.length() - 1) + "0'");
            assertEquals(recount.get("status"), map(api.get("byStatus")), "byStatus of " + id);
            assertEquals(recount.get("type"), map(api.get("byType")), "byType of " + id);
            assertEquals(recount.get("sector"), map(api.get("bySector")), "bySector of " + id);
            assertEquals(recount.get("status").values().stream().mapToLong(Long::longValue).sum(), api.get("total").asLong());
            assertEquals(recount.get("status").getOrDefault("ACTIVE", 0L), api.get("active").asLong());
        }
        // the whole tree (what an admin without a subtree would read), straight from the counts
        Map<String, Map<String, Long>> all = recount("TRUE");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT metric, k, n FROM subtree_count WHERE org_id = subtree_counts_whole_tree()
                  AND metric IN ('org_status', 'org_type', 'org_sector') AND n <> 0""").getResultList());
        Map<String, Map<String, Long>> counted = Map.of("status", new TreeMap<>(), "type", new TreeMap<>(), "sector", new TreeMap<>());
        for (Object[] r : rows) {
            counted.get(((String) r[0]).substring(4)).put((String) r[1], ((Number) r[2]).longValue());
        }
        assertEquals(all, counted, "the whole tree");
    }

    private Map<String, Map<String, Long>> recount(String where) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT 'status', status, count(*) FROM organization WHERE %1$s GROUP BY status
                UNION ALL SELECT 'type', type, count(*) FROM organization WHERE %1$s AND status = 'ACTIVE' GROUP BY type
                UNION ALL SELECT 'sector', sector, count(*) FROM organization WHERE %1$s AND status = 'ACTIVE' GROUP BY sector"""
                .formatted(where)).getResultList());
        Map<String, Map<String, Long>> result = Map.of("status", new TreeMap<>(), "type", new TreeMap<>(), "sector", new TreeMap<>());
        for (Object[] r : rows) {
            result.get((String) r[0]).put((String) r[1], ((Number) r[2]).longValue());
        }
        return result;
    }

    private static Map<String, Long> map(JsonNode node) {
        Map<String, Long> m = new TreeMap<>();
        if (node != null) {
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        }
        return m;
    }
}
