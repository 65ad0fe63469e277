package vn.grassroots.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed.Org;

/**
 * The compliance summary comes from subtree counts kept by triggers (V3__compliance_counts.sql): after meetings are held,
 * minutes approved, meetings cancelled, changed or deleted, a commune moved to another district and cells dissolved or
 * merged, the API answers exactly what the recount over the meetings gives (the summary's former SQL), for the
 * province, the districts and the cells, over aligned, partial and multi-year periods; and the stored counts of the
 * province, a district and the whole tree equal a recount row for row.
 */
@QuarkusTest
class ComplianceCountsTest {
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The summary as it was computed before the counts: per cell, three probes of the meetings. */
    private static final String RECOUNT = """
            WITH cells AS (SELECT o.id FROM org_ref o WHERE o.type IN ('GRASSROOTS_CELL', 'SUBORDINATE_CELL') AND o.status = 'ACTIVE'
                           AND o.path >= ?1 AND o.path < ?2),
            months AS (SELECT g::date AS starts, (g + interval '1 month')::date AS ends
                       FROM generate_series(date_trunc('month', cast(?3 AS date)), cast(?4 AS date), interval '1 month') g WHERE g::date <= cast(?5 AS date)),
            quarters AS (SELECT g::date AS starts, (g + interval '3 months')::date AS ends
                         FROM generate_series(date_trunc('quarter', cast(?3 AS date)), cast(?4 AS date), interval '3 months') g WHERE g::date <= cast(?5 AS date)),
            per_cell AS (SELECT c.id,
                (SELECT count(*) FROM months mo WHERE NOT EXISTS (SELECT 1 FROM meeting m WHERE m.organization_id = c.id AND m.kind = 'REGULAR'
                    AND m.state IN ('HELD', 'MINUTES_APPROVED') AND m.meeting_date >= mo.starts AND m.meeting_date < mo.ends)) AS missing_regular,
                (SELECT count(*) FROM quarters q WHERE NOT EXISTS (SELECT 1 FROM meeting m WHERE m.organization_id = c.id AND m.kind = 'THEMATIC'
                    AND m.state IN ('HELD', 'MINUTES_APPROVED') AND m.meeting_date >= q.starts AND m.meeting_date < q.ends)) AS missing_thematic,
                s.* FROM cells c LEFT JOIN LATERAL (SELECT count(*) AS held, count(*) FILTER (WHERE NOT m.quorum_met) AS below,
                    coalesce(sum(m.expected), 0) AS expected, coalesce(sum(m.present), 0) AS present,
                    count(*) FILTER (WHERE m.superior_expected) AS sup_expected,
                    count(*) FILTER (WHERE m.superior_expected AND m.superior_attended) AS sup_attended
                    FROM meeting m WHERE m.organization_id = c.id AND m.state IN ('HELD', 'MINUTES_APPROVED')
                      AND m.meeting_date BETWEEN cast(?3 AS date) AND cast(?4 AS date)) s ON true)
            SELECT count(*), count(*) FILTER (WHERE missing_regular > 0), count(*) FILTER (WHERE missing_thematic > 0),
                   coalesce(sum(held), 0), coalesce(sum(below), 0), coalesce(sum(expected), 0), coalesce(sum(present), 0),
                   coalesce(sum(sup_expected), 0), coalesce(sum(sup_attended), 0) FROM per_cell""";

    /** Rows of subtree_count of ?1 that differ from a recount over the subtree ?2..?3 (0 when exact). */
    private static final String ROWS_DIFFER = """
            WITH sub AS (SELECT o.* FROM org_ref o WHERE o.path >= ?2 AND o.path < ?3
                         AND o.type IN ('GRASSROOTS_CELL', 'SUBORDINATE_CELL') AND o.status = 'ACTIVE'),
            held AS (SELECT m.* FROM meeting m JOIN sub o ON o.id = m.organization_id WHERE m.state IN ('HELD', 'MINUTES_APPROVED')),
            want AS (
              SELECT 'cells'::text AS metric, ''::text AS k, count(*)::bigint AS n FROM sub
              UNION ALL
              SELECT x.metric, to_char(m.meeting_date, 'YYYY-MM'), sum(x.n)::bigint FROM held m,
                LATERAL (VALUES ('held', 1), ('below_quorum', CASE WHEN NOT m.quorum_met THEN 1 ELSE 0 END),
                                ('expected', coalesce(m.expected, 0)), ('present', coalesce(m.present, 0)),
                                ('superior_expected', CASE WHEN m.superior_expected THEN 1 ELSE 0 END),
                                ('superior_attended', CASE WHEN m.superior_expected AND m.superior_attended THEN 1 ELSE 0 END)) x(metric, n)
              GROUP BY 1, 2
              UNION ALL
              SELECT metric, y || ':' || mask, count(*) FROM (
                SELECT m.organization_id, to_char(m.meeting_date, 'YYYY') AS y, 'regular_months' AS metric,
                       bit_or(1 << (extract(month FROM m.meeting_date)::int - 1)) AS mask FROM held m WHERE m.kind = 'REGULAR' GROUP BY 1, 2
                UNION ALL
                SELECT m.organization_id, to_char(m.meeting_date, 'YYYY'), 'thematic_quarters',
                       bit_or(1 << (extract(quarter FROM m.meeting_date)::int - 1)) FROM held m WHERE m.kind = 'THEMATIC' GROUP BY 1, 2) c
              GROUP BY 1, 2),
            w AS (SELECT metric, k, n FROM want WHERE n <> 0),
            h AS (SELECT metric::text, k::text, n FROM subtree_count WHERE org_id = ?1 AND n <> 0 AND metric IN ('cells', 'held',
                  'below_quorum', 'expected', 'present', 'superior_expected', 'superior_attended', 'regular_months', 'thematic_quarters'))
            SELECT (SELECT count(*) FROM (SELECT * FROM w EXCEPT SELECT * FROM h) a) + (SELECT count(*) FROM (SELECT * FROM h EXCEPT SELECT * FROM w) b)""";

    @Test
    void theSummaryEqualsARecountAfterMeetingsMovesDissolutionsAndMerges() {
        Feed.Tree t = Feed.tree("counts");
        Org district2 = Feed.org(t.province(), "DISTRICT_COMMITTEE", "Huyện ủy Mường Ảng counts");
        Org commune2 = Feed.org(district2, "GRASSROOTS_COMMITTEE", "Đảng bộ xã Ẳng Nưa counts");
        Org cellC = Feed.org(commune2, "SUBORDINATE_CELL", "Chi bộ bản Hua Nạ counts");
        Org cellD = Feed.org(commune2, "GRASSROOTS_CELL", "Chi bộ trường Tiểu học Ẳng Nưa counts");
        for (Org o : List.of(district2, commune2, cellC, cellD)) {
            Feed.orgState(o);
        }
        for (Org o : List.of(district2, commune2, cellC, cellD)) { // keys on different partitions: no order between them
            awaitOrg(o);
        }
        check(t, district2);

        // a year and a half of history straight into the table (one statement: the statement-level triggers)
        exec("""
                INSERT INTO meeting (id, organization_id, organization_path, kind, format, starts_at, meeting_date, topic, state, expected, present,
                                     quorum_met, superior_expected, superior_attended, created_by, created_at, updated_at, version)
                SELECT gen_random_uuid(), o.id, o.path, CASE WHEN mo % 4 = 0 THEN 'THEMATIC' ELSE 'REGULAR' END, 'IN_PERSON', now(),
                       (date_trunc('month', cast(?5 AS date)) - make_interval(months => mo))::date + (mo % 20), 'Lịch sử',
                       CASE WHEN mo % 7 = 3 THEN 'CANCELLED' WHEN mo % 2 = 0 THEN 'HELD' ELSE 'MINUTES_APPROVED' END,
                       10 + mo % 3, 6 + mo % 5, mo % 6 <> 1, mo % 3 = 0, mo % 2 = 0, 'test', now(), now(), 0
                FROM org_ref o, generate_series(1, 18) mo
                WHERE o.id IN (?1, ?2, ?3, ?4) AND (o.id <> ?2 OR mo % 5 <> 2) AND (o.id <> ?3 OR mo % 4 <> 1)""",
                UUID.fromString(t.cellA().id), UUID.fromString(t.cellB().id), UUID.fromString(cellC.id), UUID.fromString(cellD.id), today());
        check(t, district2);

        // this month through the API: held (one below quorum, one with the superior), minutes approved, one cancelled
        Feed.Member a1 = Feed.member(t.cellA(), "Lò Văn Một", "OFFICIAL");
        Feed.Member a2 = Feed.member(t.cellA(), "Lò Văn Hai", "OFFICIAL");
        Feed.Member c1 = Feed.member(cellC, "Cà Thị Ba", "OFFICIAL");
        Feed.Member superior = Feed.member(t.commune(), "Quàng Văn Phụ Trách", "OFFICIAL");
        Feed.members(a1, a2, c1, superior);
        Feed.assignAttendance(superior.id, t.cellA(), 1, "ACTIVE");
        String secA = Api.as("secretary", t.cellA());
        String regular = Api.published(secA, t.cellA(), "REGULAR");
        Api.hold(secA, regular, List.of(Api.mark(a1, "PRESENT"), Api.mark(a2, "ABSENT_UNEXCUSED")),
                List.of(Map.of("fullName", "Quàng Văn Phụ Trách", "memberId", superior.id))).statusCode(200);
        String secC = Api.as("secretary", cellC);
        String thematic = Api.published(secC, cellC, "THEMATIC");
        Api.hold(secC, thematic, List.of(Api.mark(c1, "PRESENT")), List.of()).statusCode(200);
        check(t, district2);
        Api.put(secC, Api.MEETINGS + "/" + thematic + "/minutes", Map.of("minutes", "Biên bản chuyên đề"), Api.etag(secC, thematic))
                .statusCode(200);
        Api.post(secC, Api.MEETINGS + "/" + thematic + "/minutes/approve", null).statusCode(200);
        String secB = Api.as("secretary", t.cellB());
        String cancelled = Api.published(secB, t.cellB(), "REGULAR");
        Api.post(secB, Api.MEETINGS + "/" + cancelled + "/cancel", Map.of("reason", "Mưa lũ")).statusCode(200);
        check(t, district2);

        // a held meeting moved to another month, one cancelled after the fact, one deleted (corrections by SQL)
        exec("UPDATE meeting SET meeting_date = meeting_date - 35 WHERE organization_id = ?1 AND kind = 'REGULAR' AND state = 'HELD'"
                + " AND meeting_date < date_trunc('month', cast(?2 AS date)) - interval '6 months'", UUID.fromString(cellC.id), today());
        exec("UPDATE meeting SET state = 'CANCELLED' WHERE organization_id = ?1 AND meeting_date >= date_trunc('month', cast(?2 AS date)) - interval '3 months'"
                + " AND kind = 'THEMATIC' AND state <> 'CANCELLED'", UUID.fromString(cellD.id), today());
        exec("DELETE FROM meeting WHERE organization_id = ?1 AND state = 'MINUTES_APPROVED' AND meeting_date < cast(?2 AS date) - 200",
                UUID.fromString(t.cellB().id), today());
        check(t, district2);

        // the commune (cells A and B) moves to district 2
        String oldPath = t.commune().path;
        Org commune = t.commune();
        commune.parentId = district2.id;
        commune.path = district2.path + commune.id + "/";
        commune.depth = district2.depth + 1;
        commune.version = 1;
        ObjectNode details = Feed.JSON.createObjectNode();
        details.put("oldParentId", t.district().id).put("newParentId", district2.id).put("oldPath", oldPath).put("newPath", commune.path)
                .put("subtreeSize", 3);
        details.putObject("decision").put("number", "15-QĐ/TU").put("date", "2025-03-04");
        Feed.orgEvent("moved", commune, details);
        String newA = commune.path + t.cellA().id + "/";
        Feed.await("the move of cell A", () -> Feed.count("SELECT count(*) FROM org_ref WHERE id = ?1 AND path = ?2",
                UUID.fromString(t.cellA().id), newA) == 1);
        t.cellA().path = newA;
        t.cellB().path = commune.path + t.cellB().id + "/";
        assertEquals(0, Feed.count("SELECT count(*) FROM subtree_count WHERE org_id = ?1 AND n <> 0", UUID.fromString(t.district().id)),
                "the old district keeps no counts");
        check(t, district2);

        // cell B dissolved, cell D merged (into cell C): no longer counted, with all their meetings
        dissolve(t.cellB(), "DISSOLVED");
        dissolve(cellD, "MERGED");
        check(t, district2);
        // and a cell that comes back (re-activated) brings its meetings back
        dissolve(t.cellB(), "ACTIVE");
        check(t, district2);
    }

    private static void dissolve(Org o, String status) {
        o.status = status;
        o.version++;
        Feed.orgState(o);
        Feed.await(o.name + " " + status, () -> Feed.count("SELECT count(*) FROM org_ref WHERE id = ?1 AND status = ?2 AND version = ?3",
                UUID.fromString(o.id), status, o.version) == 1);
    }

    private static void awaitOrg(Org o) {
        Feed.await("organization " + o.id, () -> Feed.count("SELECT count(*) FROM org_ref WHERE id = ?1 AND path = ?2",
                UUID.fromString(o.id), o.path) == 1);
    }

    /** The API against the recount for the province, both districts and a cell over several periods; stored rows too. */
    private static void check(Feed.Tree t, Org district2) {
        LocalDate today = today();
        LocalDate month = today.withDayOfMonth(1);
        List<LocalDate[]> periods = List.of(
                new LocalDate[] {month, month.plusMonths(1).minusDays(1)}, // this month
                new LocalDate[] {today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1)}, // this year
                new LocalDate[] {today.withDayOfYear(1).minusYears(1), today.withDayOfYear(1).minusDays(1)}, // last year
                new LocalDate[] {month.minusMonths(5).plusDays(9), today}, // partial months at both ends
                new LocalDate[] {month.minusMonths(2).plusDays(3), month.minusMonths(2).plusDays(20)}, // inside one month
                new LocalDate[] {today.withDayOfYear(1).minusYears(1).plusMonths(4), today}); // over two years
        String admin = Api.ADMIN;
        for (Org o : List.of(t.province(), t.district(), district2, t.cellA())) {
            for (LocalDate[] p : periods) {
                Object[] want = row(RECOUNT, o.path, end(o.path), p[0], p[1], today);
                var r = Api.get(admin, Api.MEETINGS + "/compliance?organizationId=" + o.id + "&from=" + p[0] + "&to=" + p[1])
                        .statusCode(200).extract();
                String what = o.name + " " + p[0] + ".." + p[1];
                assertEquals(List.of(num(want[0]), num(want[1]), num(want[2]), num(want[3]), num(want[4]), num(want[7]), num(want[8])),
                        List.of(lng(r.path("cells")), lng(r.path("cellsMissingRegular")), lng(r.path("cellsMissingThematic")),
                                lng(r.path("meetingsHeld")), lng(r.path("meetingsBelowQuorum")), lng(r.path("meetingsWithSuperiorExpected")),
                                lng(r.path("meetingsWithSuperiorAttended"))), what);
                Float rate = r.path("attendanceRate");
                assertEquals(num(want[5]) == 0 ? null : (float) (Math.round(num(want[6]) * 10000.0 / num(want[5])) / 10000.0), rate, what);
            }
        }
        List<Object[]> subtrees = new ArrayList<>();
        subtrees.add(new Object[] {UUID.fromString(t.province().id), t.province().path, end(t.province().path)});
        subtrees.add(new Object[] {UUID.fromString(district2.id), district2.path, end(district2.path)});
        subtrees.add(new Object[] {new UUID(0, 0), "/", "0"}); // the whole tree (every test's data)
        for (Object[] s : subtrees) {
            assertEquals(0, Feed.count(ROWS_DIFFER, s), "stored counts of " + s[1] + " equal a recount");
        }
    }

    private static LocalDate today() {
        return LocalDate.now(VN);
    }

    private static String end(String path) {
        return path.substring(0, path.length() - 1) + "0";
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static long lng(Object o) {
        return ((Number) o).longValue();
    }

    private static Object[] row(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return (Object[]) q.getSingleResult();
        });
    }

    private static void exec(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }
}
