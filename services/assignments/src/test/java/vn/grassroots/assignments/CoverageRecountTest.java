package vn.grassroots.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed.Org;

/**
 * Coverage reads the subtree counts kept by the triggers of V2__coverage_counts.sql. After households and assignments
 * are added and ended, a cell moved to another district and a cell dissolved, and when the day changes, the report must
 * equal a recount of the facts (the query the service ran before), at the province, a district and the whole tree.
 */
@QuarkusTest
class CoverageRecountTest {
    static final String ASSIGNMENTS = "/api/v1/assignments";
    static final String HOUSEHOLDS = "/api/v1/households";
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void coverageEqualsARecountAfterEveryChange() {
        Feed.Tree t = Feed.tree("CR");
        String provincial = Api.as("organizer", t.province());
        Feed.Member a = Feed.member(t.cellA(), "Lò Văn Thanh");
        Feed.Member b = Feed.member(t.cellA(), "Quàng Thị Duyên");
        List<Org> watched = List.of(t.province(), t.district(), t.otherDistrict());
        assertEqualsRecount(watched);

        // households and assignments added
        String h1 = Api.post(provincial, HOUSEHOLDS, HouseholdsAndCoverageTest.household(t.cellA(), "Lò Văn Một")).statusCode(201).extract().path("id");
        String h2 = Api.post(provincial, HOUSEHOLDS, HouseholdsAndCoverageTest.household(t.cellA(), "Lò Văn Hai")).statusCode(201).extract().path("id");
        String h3 = Api.post(provincial, HOUSEHOLDS, HouseholdsAndCoverageTest.household(t.cellB(), "Lò Văn Ba")).statusCode(201).extract().path("id");
        assertEqualsRecount(watched);
        String onCommune = create(provincial, a, "ORGANIZATION", t.commune().id, "FOLLOWS", t.province());
        String onCommuneTwice = create(provincial, b, "ORGANIZATION", t.commune().id, "IN_CHARGE", t.province());
        create(provincial, a, "ORGANIZATION", t.school().id, "FOLLOWS", t.province()); // a grassroots cell: both levels
        create(provincial, a, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district());
        String onCellB = create(provincial, b, "ORGANIZATION", t.cellB().id, "FOLLOWS", t.district());
        create(provincial, b, "HOUSEHOLD", h1, "FOLLOWS", t.cellA());
        String onH2 = create(provincial, a, "HOUSEHOLD", h2, "FOLLOWS", t.cellA());
        create(provincial, b, "HOUSEHOLD", h3, "FOLLOWS", t.cellB());
        // one that starts tomorrow is not in force yet
        LocalDate today = LocalDate.now(ZONE);
        Map<String, Object> later = AssignmentsTest.assignment(b, "HOUSEHOLD", h2, "IN_CHARGE", t.cellA());
        later.put("validFrom", today.plusDays(1).toString());
        Api.post(provincial, ASSIGNMENTS, later).statusCode(201);
        JsonPath p = assertEqualsRecount(watched);
        assertEquals(2, p.getInt("grassroots.covered"));
        assertEquals(3, p.getInt("households.covered"));

        // assignments ended: the commune stays covered by its second one, h2 is no longer covered today
        end(provincial, onCommune);
        end(provincial, onH2);
        p = assertEqualsRecount(watched);
        assertEquals(2, p.getInt("grassroots.covered"));
        assertEquals(2, p.getInt("households.covered"));
        end(provincial, onCommuneTwice);
        assertEquals(1, assertEqualsRecount(watched).getInt("grassroots.covered"));

        // the day changes (as the job or the next report would apply it): tomorrow's assignment comes into force
        sql("SELECT coverage_advance(cast(?1 AS date))", today.plusDays(1));
        assertCountsEqualRecount(t.province(), today.plusDays(1));
        // and the report brings the counts back to its own today
        assertEqualsRecount(watched);

        // cell A (with its households) moves under a commune of the other district
        Org commune2 = Feed.org(t.otherDistrict(), "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Ẳng Cang CR");
        Feed.orgState(commune2);
        Feed.awaitOrg(commune2.id, 0, "ACTIVE");
        String oldPath = t.cellA().path;
        t.cellA().parentId = commune2.id;
        t.cellA().path = commune2.path + t.cellA().id + "/";
        t.cellA().version = 1;
        Feed.orgEvent("moved", t.cellA(), Map.of("oldParentId", t.commune().id, "newParentId", commune2.id,
                "oldPath", oldPath, "newPath", t.cellA().path, "subtreeSize", 1));
        Feed.awaitOrg(t.cellA().id, 1, "ACTIVE");
        p = assertEqualsRecount(List.of(t.otherDistrict(), t.province(), t.district(), commune2));
        assertEquals(2, p.getInt("cells.total")); // the other district: the school and cell A

        // cell B is dissolved: it and its household leave the counts, its assignments end
        t.cellB().status = "DISSOLVED";
        t.cellB().version = 1;
        Feed.orgEvent("dissolved", t.cellB(), Map.of());
        Feed.awaitOrg(t.cellB().id, 1, "DISSOLVED");
        Feed.await(() -> AssignmentsTest.count("SELECT count(*) FROM assignment WHERE id = cast(?1 AS uuid) AND status = 'ENDED'",
                onCellB) == 1, "assignments of cell B ended");
        p = assertEqualsRecount(List.of(t.province(), t.district(), t.otherDistrict(), commune2));
        assertEquals(2, p.getInt("cells.total"));
        assertEquals(2, p.getInt("households.total"));
    }

    private static String create(String auth, Feed.Member person, String type, String target, String role, Org deciding) {
        return Api.post(auth, ASSIGNMENTS, AssignmentsTest.assignment(person, type, target, role, deciding)).statusCode(201)
                .extract().path("id");
    }

    private static void end(String auth, String id) {
        Api.post(auth, ASSIGNMENTS + "/" + id + "/end", Map.of("reason", "Điều động công tác khác")).statusCode(200);
    }

    /** The report of each organization equals the recount; the whole tree's counts too. Returns the first report. */
    private static JsonPath assertEqualsRecount(List<Org> orgs) {
        JsonPath first = null;
        for (Org o : orgs) {
            JsonPath api = Api.get(Api.ADMIN, ASSIGNMENTS + "/coverage?organizationId=" + o.id).statusCode(200).extract().jsonPath();
            Map<String, Long> recount = recount(o, LocalDate.now(ZONE));
            for (String level : List.of("grassroots", "cells", "households")) {
                assertEquals(recount.get(level), api.getLong(level + ".total"), level + ".total of " + o.name);
                assertEquals(recount.get(level + "_covered"), api.getLong(level + ".covered"), level + ".covered of " + o.name);
                assertEquals(recount.get(level) - recount.get(level + "_covered"), api.getLong(level + ".uncovered"));
            }
            first = first == null ? api : first;
        }
        assertCountsEqualRecount(null, LocalDate.now(ZONE));
        return first;
    }

    /** The kept counts (of an organization, or of the whole tree) equal the recount as of {@code day}. */
    private static void assertCountsEqualRecount(Org o, LocalDate day) {
        Map<String, Long> recount = recount(o, day);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Feed.em().createNativeQuery("""
                SELECT k, n FROM subtree_count WHERE metric = 'coverage'
                  AND org_id = coalesce(cast(?1 AS uuid), subtree_counts_whole_tree())""")
                .setParameter(1, o == null ? null : o.id).getResultList());
        Map<String, Long> kept = new TreeMap<>();
        recount.keySet().forEach(k -> kept.put(k, 0L));
        rows.forEach(r -> kept.put((String) r[0], ((Number) r[1]).longValue()));
        assertEquals(recount, kept, "counts of " + (o == null ? "the whole tree" : o.name) + " on " + day);
    }

    /** The recount: the SQL the service ran before the subtree counts, for the subtree of o (null: everything). */
    static Map<String, Long> recount(Org o, LocalDate day) {
        String range = o == null ? "TRUE" : "o.path >= '" + pathOf(o) + "' AND o.path < '" + pathOf(o).replaceAll("/$", "0") + "'";
        String inForce = "x.status = 'ACTIVE' AND x.valid_from <= cast(?1 AS date) AND (x.valid_to IS NULL OR x.valid_to >= cast(?1 AS date))";
        Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) Feed.em().createNativeQuery("""
                SELECT (SELECT count(*) FROM org_ref o WHERE o.status = 'ACTIVE' AND o.type IN ('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL') AND %1$s),
                       (SELECT count(*) FROM org_ref o WHERE o.status = 'ACTIVE' AND o.type IN ('GRASSROOTS_COMMITTEE','GRASSROOTS_CELL') AND %1$s
                          AND EXISTS (SELECT 1 FROM assignment x WHERE x.target_id = o.id AND x.target_type = 'ORGANIZATION'
                                      AND x.level = 'PROVINCIAL' AND %2$s)),
                       (SELECT count(*) FROM org_ref o WHERE o.status = 'ACTIVE' AND o.type IN ('GRASSROOTS_CELL','SUBORDINATE_CELL') AND %1$s),
                       (SELECT count(*) FROM org_ref o WHERE o.status = 'ACTIVE' AND o.type IN ('GRASSROOTS_CELL','SUBORDINATE_CELL') AND %1$s
                          AND EXISTS (SELECT 1 FROM assignment x WHERE x.target_id = o.id AND x.target_type = 'ORGANIZATION'
                                      AND x.level IN ('PROVINCIAL', 'DISTRICT') AND %2$s)),
                       (SELECT count(*) FROM household h JOIN org_ref o ON o.id = h.organization_id WHERE o.status = 'ACTIVE' AND %1$s),
                       (SELECT count(*) FROM household h JOIN org_ref o ON o.id = h.organization_id WHERE o.status = 'ACTIVE' AND %1$s
                          AND EXISTS (SELECT 1 FROM assignment x WHERE x.target_id = h.id AND x.target_type = 'HOUSEHOLD' AND %2$s))"""
                .formatted(range, inForce)).setParameter(1, day).getSingleResult());
        String[] keys = {"grassroots", "grassroots_covered", "cells", "cells_covered", "households", "households_covered"};
        Map<String, Long> m = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], ((Number) r[i]).longValue());
        }
        return m;
    }

    private static String pathOf(Org o) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Feed.em()
                .createNativeQuery("SELECT path FROM org_ref WHERE id = cast(?1 AS uuid)").setParameter(1, o.id).getSingleResult());
    }

    private static Object sql(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> Feed.em().createNativeQuery(sql).setParameter(1, param).getSingleResult());
    }
}
