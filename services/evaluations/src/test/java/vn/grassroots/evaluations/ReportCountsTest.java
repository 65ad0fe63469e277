package vn.grassroots.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed;
import vn.grassroots.testing.OrganizationFeed.Org;

/**
 * The report totals come from the subtree counts that the rating triggers keep (V4__report_counts), not from a recount
 * per call: after decisions, sent-back and redone steps, a member who moves, and an organization moved to another
 * district, the API's summary and comparison of a district, a province and the whole tree still equal a recount of the
 * rating table run here.
 */
@QuarkusTest
class ReportCountsTest {

    @Test
    void reportTotalsEqualARecountAfterDecisionsMovesOfMembersAndAMoveOfAnOrganization() {
        Feed.Tree t = Feed.tree("counts");
        Org district2 = Feed.org(t.province(), "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Mường Ảng counts");
        Org commune2 = Feed.org(district2, "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Ẳng Nưa counts");
        for (Org o : List.of(district2, commune2)) {
            OrganizationFeed.publishState(o);
            Feed.await("organization " + o.name, () -> Feed.count("SELECT count(*) FROM org_ref WHERE id = '" + o.id + "'") == 1);
        }
        String organizer = Api.as("organizer", t.province().id);
        String commune = Api.as("secretary", t.commune().id);
        String secA = Api.as("secretary", t.cellA().id);
        String secB = Api.as("secretary", t.cellB().id);
        List<String> a = Feed.members(t.cellA().id, "Lò Thị Xuân", 5);
        List<String> b = Feed.members(t.cellB().id, "Quàng Văn Định", 3);
        List<String> s = Feed.members(t.school().id, "Nguyễn Thị Hằng", 2);

        String before = Api.openCycle(organizer, 2024, t.province().id, Api.CURRENT);
        Api.rate(before, "members", a.get(0), secA, commune, "GOOD");
        Api.rate(before, "members", a.get(1), secA, commune, "COMPLETED");
        Api.rate(before, "organizations", t.cellA().id, commune, commune, "GOOD");
        String cycle = Api.openCycle(organizer, 2025, t.province().id, Api.CURRENT);
        Api.rate(cycle, "members", a.get(0), secA, commune, "GOOD");
        Api.rate(cycle, "members", a.get(1), secA, commune, "GOOD");
        Api.rate(cycle, "members", a.get(2), secA, commune, "NOT_COMPLETED");
        Api.rate(cycle, "members", b.get(0), secB, commune, "COMPLETED");
        Api.rate(cycle, "members", s.get(0), Api.as("secretary", t.school().id), organizer, "GOOD");
        Api.rate(cycle, "organizations", t.cellA().id, commune, commune, "EXCELLENT");
        Api.rate(cycle, "organizations", t.commune().id, commune, organizer, "GOOD");
        Api.rate(cycle, "organizations", t.school().id, Api.as("secretary", t.school().id), organizer, "COMPLETED");
        // steps that are not decisions count nowhere: a proposal sent back, then proposed again and left undecided
        String path = Api.rating(cycle, "members", a.get(3));
        Api.post(Api.ADMIN, path + "/self-assessment", Api.selfAssessment(75)).statusCode(200);
        Api.post(secA, path + "/proposal", Map.of("level", "GOOD")).statusCode(200);
        Api.post(commune, path + "/send-back", Map.of("reason", "Chưa đủ minh chứng")).statusCode(200);
        Api.post(secA, path + "/proposal", Map.of("level", "COMPLETED")).statusCode(200);
        assertReportsEqualRecount(t, district2, false);

        // the proposal sent back above is decided in the end (a state change that now counts)
        Api.post(commune, path + "/decision", Map.of("level", "COMPLETED")).statusCode(200);
        assertReportsEqualRecount(t, district2, false);

        // members move between organizations (member events): a rated one from cell A to cell B keeps the rating its cell
        // decided; one who moves before being rated is rated in the new organization, in the other district
        member(a.get(0), "Lò Thị Xuân 000", t.cellB().id, 3);
        member(a.get(4), "Lò Thị Xuân 004", commune2.id, 3);
        Api.rate(cycle, "members", a.get(4), Api.as("secretary", commune2.id), Api.as("secretary", district2.id), "GOOD");
        Api.rate(cycle, "members", b.get(1), secB, commune, "GOOD");
        assertReportsEqualRecount(t, district2, false);
        JsonPath d2 = Api.get(organizer, "/reports/summary?year=2025&organizationId=" + district2.id).statusCode(200).extract().jsonPath();
        assertEquals(1, d2.getInt("members.total"));

        // cell A (its own rating and four of its members') moves to the commune of the other district
        long movedRatings = Feed.count("SELECT count(*) FROM rating WHERE state = 'DECIDED' AND year = 2025 AND org_path LIKE '"
                + t.cellA().path + "%'");
        assertTrue(movedRatings >= 4, "cell A has decided ratings to carry");
        long district2Before = total(organizer, district2.id);
        move(t.cellA(), t.commune(), commune2);
        Feed.await("the move of cell A", () -> Feed.count("SELECT count(*) FROM org_ref WHERE id = '" + t.cellA().id + "' AND path = '"
                + t.cellA().path + "'") == 1);
        assertEquals(district2Before + movedRatings, total(organizer, district2.id));
        assertReportsEqualRecount(t, district2, false);

        // and a rating decided after the move lands under the new parents
        Api.rate(cycle, "members", b.get(2), secB, commune, "NOT_COMPLETED");
        Api.rate(cycle, "organizations", t.cellB().id, commune, commune, "GOOD");
        assertReportsEqualRecount(t, district2, true);
    }

    private static long total(String auth, String orgId) {
        JsonPath r = Api.get(auth, "/reports/summary?year=2025&organizationId=" + orgId).statusCode(200).extract().jsonPath();
        return r.getLong("members.total") + r.getLong("organizations.total");
    }

    private static void member(String id, String name, String orgId, long version) {
        ObjectNode data = Feed.JSON.createObjectNode();
        data.set("member", Feed.member(id, name, orgId, "OFFICIAL", version));
        Feed.send(Feed.MEMBERS, id, Feed.envelope("/grassroots/membership", "vn.grassroots.member.transferred", id, data));
        Feed.await("the move of member " + id, () -> Feed.count("SELECT count(*) FROM member_ref WHERE id = '" + id
                + "' AND organization_id = '" + orgId + "'") == 1);
    }

    private static void move(Org o, Org from, Org to) {
        String oldPath = o.path;
        o.parentId = to.id;
        o.path = to.path + o.id + "/";
        o.depth = to.depth + 1;
        o.version++;
        ObjectNode data = Feed.JSON.createObjectNode();
        data.set("organization", o.json());
        data.put("oldParentId", from.id).put("newParentId", to.id).put("oldPath", oldPath).put("newPath", o.path).put("subtreeSize", 1);
        data.set("decision", Feed.JSON.valueToTree(Map.of("number", "17-QĐ/TU", "date", "2025-12-01")));
        Feed.send(Feed.ORGS, o.id, Feed.envelope("/grassroots/organization", "vn.grassroots.organization.moved", o.id, data));
    }

    /**
     * Summary and comparison of the two districts and the province, each against a recount; and of the whole tree (a
     * recount of every rating in the test database, the bench's included: only once, at the end).
     */
    private static void assertReportsEqualRecount(Feed.Tree t, Org district2, boolean wholeTree) {
        for (Org o : List.of(t.district(), district2, t.province())) {
            assertSummary(Api.get(Api.ADMIN, "/reports/summary?year=2025&organizationId=" + o.id).statusCode(200).extract().jsonPath(),
                    recount(o.path, 2025), "summary of " + o.name);
            assertComparison(Api.get(Api.ADMIN, "/reports/comparison?fromYear=2024&toYear=2025&organizationId=" + o.id)
                    .statusCode(200).extract().jsonPath(), o.path);
        }
        if (!wholeTree) {
            return;
        }
        // the whole tree (an admin without an organization): every rating of the test database, the other tests' included
        assertSummary(Api.get(Api.ADMIN, "/reports/summary?year=2025").statusCode(200).extract().jsonPath(), recount(null, 2025),
                "summary of the whole tree");
        assertComparison(Api.get(Api.ADMIN, "/reports/comparison?fromYear=2024&toYear=2025").statusCode(200).extract().jsonPath(), null);
    }

    /** Recount: "subject|A|level", "subject|T|type|level", "subject|S|sector|level" → count, straight from the rating rows. */
    private static Map<String, Long> recount(String path, int year) {
        String where = "state = 'DECIDED' AND year = " + year + (path == null ? "" : " AND org_path LIKE '" + path + "%'");
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT subject_type || '|A|' || decided_level, count(*) FROM rating WHERE %1$s GROUP BY 1
                    UNION ALL SELECT subject_type || '|T|' || org_type || '|' || decided_level, count(*) FROM rating WHERE %1$s GROUP BY 1
                    UNION ALL SELECT subject_type || '|S|' || org_sector || '|' || decided_level, count(*) FROM rating WHERE %1$s GROUP BY 1
                    """.formatted(where)).getResultList();
            Map<String, Long> m = new TreeMap<>();
            rows.forEach(r -> m.put((String) r[0], ((Number) r[1]).longValue()));
            return m;
        });
    }

    private static void assertSummary(JsonPath r, Map<String, Long> recount, String what) {
        Map<String, Long> api = new TreeMap<>();
        for (String subject : List.of("members", "organizations")) {
            String type = subject.equals("members") ? "MEMBER" : "ORGANIZATION";
            put(api, type + "|A|", r.getList(subject + ".levels"));
            for (Map<String, Object> g : r.<Map<String, Object>>getList(subject + ".byType")) {
                put(api, type + "|T|" + g.get("group") + "|", castList(g.get("levels")));
            }
            for (Map<String, Object> g : r.<Map<String, Object>>getList(subject + ".bySector")) {
                put(api, type + "|S|" + g.get("group") + "|", castList(g.get("levels")));
            }
            long total = recount.entrySet().stream().filter(e -> e.getKey().startsWith(type + "|A|")).mapToLong(Map.Entry::getValue).sum();
            assertEquals(total, r.getLong(subject + ".total"), what + ": " + subject + " total");
        }
        long grassroots = recount.entrySet().stream().filter(e -> e.getKey().startsWith("ORGANIZATION|T|GRASSROOTS_"))
                .mapToLong(Map.Entry::getValue).sum();
        assertEquals(grassroots, r.getLong("grassrootsOrganizations.total"), what + ": grassroots organizations");
        assertEquals(recount, api, what);
    }

    private static void put(Map<String, Long> api, String prefix, List<Map<String, Object>> levels) {
        for (Map<String, Object> l : levels) {
            long n = ((Number) l.get("count")).longValue();
            if (n != 0) {
                api.put(prefix + l.get("level"), n);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object o) {
        return (List<Map<String, Object>>) o;
    }

    private static void assertComparison(JsonPath r, String path) {
        Map<String, Long> api = new TreeMap<>();
        for (Map<String, Object> row : r.<Map<String, Object>>getList("")) {
            api.put(row.get("year") + "|" + row.get("subjectType") + "|" + row.get("level"), ((Number) row.get("count")).longValue());
        }
        Map<String, Long> recount = new TreeMap<>();
        for (int year : List.of(2024, 2025)) {
            recount(path, year).forEach((k, n) -> {
                String[] p = k.split("\\|");
                if (p[1].equals("A")) {
                    recount.put(year + "|" + p[0] + "|" + p[2], n);
                }
            });
        }
        assertEquals(recount, api, "comparison 2024–2025 of " + (path == null ? "the whole tree" : path));
    }
}
