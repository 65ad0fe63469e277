package vn.grassroots.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.MEMBERS;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed.Org;

/**
 * The statistics read subtree counts kept by triggers; here they must equal a recount of the member rows, done in SQL by
 * the test, at a province, a district and the whole tree, after every kind of change: creation, status changes, an
 * official transfer (issued, then accepted), a move of an organization, a merge and a CSV import.
 */
@QuarkusTest
class StatisticsRecountTest {
    static final LocalDate TODAY = MembersTest.TODAY;
    static final int FROM = TODAY.getYear() - 40;
    static final int TO = TODAY.getYear();

    @Test
    void statisticsEqualARecountAfterEveryKindOfChange() {
        OrgFeed.Tree t = OrgFeed.tree("recount");
        Org district2 = OrgFeed.org(t.province(), "DISTRICT_COMMITTEE", "Huyện ủy Mường Ảng recount");
        Org commune2 = OrgFeed.org(district2, "GRASSROOTS_COMMITTEE", "Đảng bộ xã Ẳng Nưa recount");
        Org cellX = OrgFeed.org(commune2, "SUBORDINATE_CELL", "Chi bộ bản Xôm recount");
        for (Org o : new Org[] {district2, commune2, cellX}) {
            OrgFeed.state(o);
        }
        for (Org o : new Org[] {district2, commune2, cellX}) {
            OrgFeed.awaitApplied(o.id, o.version, o.path);
        }
        List<String> scopes = List.of(t.province().id, t.district().id, district2.id);

        // creation: ages on both sides of the band limits, genders, ethnicities (one unknown), theory levels, statuses
        List<String> ids = new ArrayList<>();
        String[] cells = {t.cellA().id, t.cellB().id, t.group().id, cellX.id};
        String[] ethnicities = {"Thái", "Kinh", "Mông", null};
        String[] levels = {"NONE", "ELEMENTARY", "INTERMEDIATE", "ADVANCED"};
        int[] ages = {18, 29, 30, 40, 41, 50, 51, 60, 61, 85};
        for (int i = 0; i < 20; i++) {
            int age = ages[i % ages.length];
            long yearsAgo = Math.min(1 + i * 2L, age - 18L);
            boolean probationary = i % 7 == 0 || yearsAgo < 2;
            LocalDate admitted = probationary ? TODAY.minusMonths(3 + i) : TODAY.minusYears(yearsAgo).minusDays(i * 17L);
            var b = Api.member(cells[i % cells.length], "Lò Văn Đếm " + i, admitted, probationary ? "PROBATIONARY" : "OFFICIAL");
            // exactly at the birthday, or a day short of it
            b.put("birthDate", TODAY.minusYears(age).plusDays(i % 2).toString());
            b.put("gender", i % 3 == 0 ? "FEMALE" : "MALE");
            b.put("ethnicity", ethnicities[i % ethnicities.length]);
            b.put("theoryLevel", levels[i % levels.length]);
            ids.add(Api.create(ADMIN, b));
        }
        assertRecount(scopes);

        // status changes: exempt, removed, deceased and expelled in earlier years, one back from exempt to official
        statusChange(ids.get(1), "EXEMPT", TODAY.minusYears(1));
        statusChange(ids.get(2), "REMOVED", TODAY.minusYears(2));
        statusChange(ids.get(3), "DECEASED", TODAY.minusYears(5));
        statusChange(ids.get(4), "EXPELLED", TODAY.minusDays(3));
        statusChange(ids.get(5), "EXEMPT", TODAY.minusMonths(2));
        statusChange(ids.get(5), "OFFICIAL", TODAY.minusDays(1));
        assertRecount(scopes);

        // an official transfer from district 1 to district 2: in transit (counted by neither side), then accepted
        String organizer = Api.as("organizer", t.province().id);
        String tid = Api.post(organizer, "/api/v1/transfers", TransfersTest.transfer(ids.get(6), "OFFICIAL", cellX.id,
                TODAY.minusDays(5), null)).statusCode(201).extract().path("id");
        assertRecount(scopes);
        Api.post(Api.as("secretary", cellX.id), "/api/v1/transfers/" + tid + "/accept", Map.of("acceptedOn", TODAY.toString()))
                .statusCode(200);
        assertRecount(scopes);

        // a move: cell B (with its members, current and former) goes to commune 2 of district 2
        OrgFeed.move(t.cellB(), t.commune(), commune2, 1, "12-QĐ/TU");
        assertRecount(scopes);

        // a merge: cell A merges into cell X (its current members move there; its party group moves with the event)
        Org cellA = t.cellA();
        cellA.status = "MERGED";
        cellA.version = 1;
        OrgFeed.event("merged", cellA, Map.of("targetId", cellX.id, "movedChildIds", List.of(),
                "decision", Map.of("number", "13-QĐ/TU", "date", TODAY.toString())));
        OrgFeed.awaitApplied(cellA.id, 1, cellA.path);
        awaitNoCurrentMembersIn(cellA.id);
        assertRecount(scopes);

        // a CSV import into both districts
        String csv = MemberImportTest.EN_HEADER
                + "Cầm Văn Nhập,1960-03-01,MALE,ADVANCED,,1985-06-01,1986-06-01," + t.group().id + ",OFFICIAL\n"
                + "Lò Thị Nhập,2000-12-31,FEMALE,NONE,,2024-05-19,," + cellX.id + ",PROBATIONARY\n"
                + "Quàng Văn Miễn,1950-01-01,MALE,BACHELOR,,1975-01-01,1976-01-01," + t.cellB().id + ",EXEMPT\n";
        MemberImportTest.importCsv(ADMIN, csv, null).statusCode(200);
        assertRecount(scopes);
    }

    private static void statusChange(String id, String status, LocalDate on) {
        Api.post(ADMIN, MEMBERS + "/" + id + "/status-changes", Map.of("status", status, "reason", "kiểm đếm",
                "decision", Map.of("number", "7-QĐ/ĐU", "date", on.toString()))).statusCode(200);
    }

    private static void awaitNoCurrentMembersIn(String orgId) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long left = ((Number) sql("SELECT count(*) FROM member WHERE organization_id = cast(:org AS uuid)"
                    + " AND status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT')", Map.of("org", orgId)).get(0)).longValue();
            if (left == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the merge did not move the members of " + orgId);
    }

    /** The API's statistics of each organization and of the whole tree (admin without organizationId) = the recount. */
    private static void assertRecount(List<String> orgIds) {
        for (String org : orgIds) {
            assertEquals(recount(org), api("?organizationId=" + org + "&"), "statistics of " + org);
        }
        assertEquals(recount(null), api("?"), "statistics of the whole tree");
    }

    private static Map<String, Object> api(String query) {
        Map<String, Object> body = Api.get(ADMIN, MEMBERS + "/statistics" + query + "fromYear=" + FROM + "&toYear=" + TO)
                .statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("members", ((Number) body.get("members")).longValue());
        for (String k : List.of("byStatus", "byGender", "byAgeBand", "byEthnicity", "byTheoryLevel")) {
            Map<String, Long> m = new TreeMap<>();
            @SuppressWarnings("unchecked")
            Map<String, Number> got = (Map<String, Number>) body.get(k);
            got.forEach((g, n) -> {
                if (n.longValue() != 0) {
                    m.put(g, n.longValue());
                }
            });
            r.put(k, m);
        }
        List<String> years = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> admissions = (List<Map<String, Object>>) body.get("admissions");
        for (Map<String, Object> a : admissions) {
            years.add(a.get("year") + ": " + a.get("admitted") + " of " + a.get("membersAtStart"));
        }
        r.put("admissions", years);
        return r;
    }

    /** The same numbers counted from the member rows (exact ages with age(), independent of the service's band dates). */
    private static Map<String, Object> recount(String org) {
        String from = "member m JOIN org_ref o ON o.id = m.organization_id"
                + (org == null ? "" : " JOIN org_ref s ON s.id = cast(:org AS uuid) AND starts_with(o.path, s.path)");
        String current = "m.status IN ('PROBATIONARY', 'OFFICIAL', 'EXEMPT') AND m.in_transit_transfer_id IS NULL";
        Map<String, Object> p = org == null ? Map.of() : Map.of("org", org);
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Long> gender = group("SELECT m.gender, count(*) FROM " + from + " WHERE " + current + " GROUP BY 1", p);
        r.put("members", gender.values().stream().mapToLong(Long::longValue).sum());
        r.put("byStatus", group("SELECT m.status, count(*) FROM " + from + " GROUP BY 1", p));
        r.put("byGender", gender);
        String age = "extract(year FROM age(cast(:today AS date), m.birth_date))";
        r.put("byAgeBand", group("SELECT CASE WHEN " + age + " < 30 THEN 'UNDER_30' WHEN " + age + " <= 40 THEN 'FROM_30_TO_40' WHEN "
                + age + " <= 50 THEN 'FROM_41_TO_50' WHEN " + age + " <= 60 THEN 'FROM_51_TO_60' ELSE 'OVER_60' END, count(*) FROM "
                + from + " WHERE " + current + " GROUP BY 1", with(p, "today", TODAY.toString())));
        r.put("byEthnicity", group("SELECT coalesce(m.ethnicity, 'UNKNOWN'), count(*) FROM " + from + " WHERE " + current + " GROUP BY 1", p));
        r.put("byTheoryLevel", group("SELECT m.theory_level, count(*) FROM " + from + " WHERE " + current + " GROUP BY 1", p));
        List<String> years = new ArrayList<>();
        for (Object row : sql("SELECT y, count(m.id) FILTER (WHERE extract(year FROM m.admission_date) = y), "
                + "count(m.id) FILTER (WHERE m.admission_date < make_date(y, 1, 1) AND (m.status IN ('PROBATIONARY', 'OFFICIAL', "
                + "'EXEMPT') OR m.status_since >= make_date(y, 1, 1))) FROM generate_series(" + FROM + ", " + TO + ") y LEFT JOIN ("
                + from + ") ON TRUE GROUP BY y ORDER BY y", p)) {
            Object[] a = (Object[]) row;
            years.add(a[0] + ": " + a[1] + " of " + a[2]);
        }
        r.put("admissions", years);
        assertTrue(org == null || ((Long) r.get("members")) > 0 || !((Map<?, ?>) r.get("byStatus")).isEmpty(), "nothing counted at " + org);
        return r;
    }

    private static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(params);
        m.put(name, value);
        return m;
    }

    private static Map<String, Long> group(String query, Map<String, Object> params) {
        Map<String, Long> m = new TreeMap<>();
        for (Object row : sql(query, params)) {
            Object[] r = (Object[]) row;
            m.put((String) r[0], ((Number) r[1]).longValue());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sql(String query, Map<String, Object> params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Arc.container().instance(EntityManager.class).get().createNativeQuery(query);
            params.forEach(q::setParameter);
            return (List<Object>) q.getResultList();
        });
    }
}
