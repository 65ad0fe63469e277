package vn.grassroots.evaluations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.PrintedPdf;

/** Reports of a subtree and year: counts and shares per level, by type and sector, the lists behind them, CSV, PDF. */
@QuarkusTest
class ReportsTest {
    static Feed.Tree t;
    static String cycle;

    /** Once for the class, inside a test (the HTTP port is known there, not in a static @BeforeAll). */
    @BeforeEach
    void rateAProvinceInMiniature() {
        if (t != null) {
            return;
        }
        Feed.Tree t = Feed.tree("reports");
        String organizer = Api.as("organizer", t.district().id);
        String commune = Api.as("secretary", t.commune().id);
        List<String> a = Feed.members(t.cellA().id, "Trần Thị Mai", 6);
        List<String> b = Feed.members(t.cellB().id, "Lò Văn Pó", 3);
        List<String> s = Feed.members(t.school().id, "Nguyễn Thị Hằng", 2);

        String previous = Api.openCycle(organizer, 2024, t.district().id, Api.CURRENT);
        for (int i = 0; i < 5; i++) {
            Api.rate(previous, "members", a.get(i), Api.as("secretary", t.cellA().id), commune, "GOOD");
        }
        String cycle = Api.openCycle(organizer, 2025, t.district().id, Api.CURRENT);
        ReportsTest.cycle = cycle;
        for (int i = 0; i < 5; i++) {
            Api.rate(cycle, "members", a.get(i), Api.as("secretary", t.cellA().id), commune, "GOOD");
        }
        Api.rate(cycle, "members", a.get(5), Api.as("secretary", t.cellA().id), commune, "EXCELLENT");
        Api.rate(cycle, "members", b.get(0), Api.as("secretary", t.cellB().id), commune, "COMPLETED");
        Api.rate(cycle, "members", b.get(1), Api.as("secretary", t.cellB().id), commune, "COMPLETED");
        Api.rate(cycle, "members", b.get(2), Api.as("secretary", t.cellB().id), commune, "NOT_COMPLETED");
        Api.rate(cycle, "members", s.get(0), Api.as("secretary", t.school().id), organizer, "GOOD");
        Api.rate(cycle, "members", s.get(1), Api.as("secretary", t.school().id), organizer, "GOOD");
        Api.rate(cycle, "organizations", t.cellA().id, commune, commune, "EXCELLENT");
        Api.rate(cycle, "organizations", t.cellB().id, commune, commune, "GOOD");
        Api.rate(cycle, "organizations", t.commune().id, commune, organizer, "GOOD");
        Api.rate(cycle, "organizations", t.school().id, Api.as("secretary", t.school().id), organizer, "EXCELLENT");
        ReportsTest.t = t;
    }

    @Test
    void theSummaryCountsEachLevelByTypeAndSector() {
        JsonPath r = Api.get(Api.as("organizer", t.district().id), "/reports/summary?year=2025&organizationId=" + t.district().id)
                .statusCode(200).extract().jsonPath();
        assertEquals(11, r.getInt("members.total"));
        assertEquals(List.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED"), r.getList("members.levels.level"));
        assertEquals(List.of(1, 7, 2, 1), r.getList("members.levels.count"));
        assertEquals(List.of(9.09f, 63.64f, 18.18f, 9.09f), r.getList("members.levels.percent"));
        assertEquals("Hoàn thành xuất sắc nhiệm vụ", r.getString("members.levels[0].levelName"));
        assertEquals(9, r.getInt("members.bySector.find { it.group == 'RESIDENTIAL' }.total"));
        assertEquals(2, r.getInt("members.bySector.find { it.group == 'PUBLIC_SERVICE' }.levels.find { it.level == 'GOOD' }.count"));
        assertEquals(4, r.getInt("organizations.total"));
        assertEquals(2, r.getInt("organizations.byType.find { it.group == 'SUBORDINATE_CELL' }.total"));
        assertEquals(2, r.getInt("grassrootsOrganizations.total"));
        assertEquals(List.of(1, 1, 0, 0), r.getList("grassrootsOrganizations.levels.count"));
        assertEquals("2 tổ chức cơ sở đảng được xếp loại: 1 hoàn thành xuất sắc nhiệm vụ (50,00 %); 1 hoàn thành tốt nhiệm vụ (50,00 %); "
                + "0 hoàn thành nhiệm vụ (0,00 %); 0 không hoàn thành nhiệm vụ (0,00 %)", r.getString("statements[0]"));
        assertTrue(r.getString("statements[1]").contains("1 không hoàn thành nhiệm vụ (9,09 %)"));

        // a cell's secretary reports on their cell only
        Api.get(Api.as("secretary", t.cellA().id), "/reports/summary?year=2025").statusCode(200).body("members.total", equalTo(6));
        Api.get(Api.as("secretary", t.cellA().id), "/reports/summary?year=2025&organizationId=" + t.district().id).statusCode(403);
        Api.get(Api.as("organizer", t.district().id), "/reports/summary").statusCode(400).body("errors[0].field", equalTo("year"));
        Api.get(Api.as("organizer", t.district().id), "/reports/summary?year=abc").statusCode(400);
        Api.get(Api.as("member", t.district().id), "/reports/summary?year=2025").statusCode(403);
    }

    @Test
    void theListBehindANumberIsPaged() {
        String organizer = Api.as("organizer", t.district().id);
        String q = "/reports/ratings?year=2025&organizationId=" + t.district().id + "&subjectType=MEMBER&level=GOOD&limit=5";
        JsonPath first = Api.get(organizer, q).statusCode(200).extract().jsonPath();
        assertEquals(5, first.getList("items").size());
        String next = first.getString("nextCursor");
        Api.get(organizer, q + "&cursor=" + next).statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", nullValue());
        Api.get(organizer, "/reports/ratings?year=2025&organizationId=" + t.district().id + "&subjectType=ORGANIZATION&organizationType=GRASSROOTS_CELL")
                .statusCode(200).body("items.size()", equalTo(1)).body("items[0].subjectId", equalTo(t.school().id))
                .body("items[0].level", equalTo("EXCELLENT"));
        Api.get(organizer, q + "&cursor=garbage").statusCode(400).body("errors[0].field", equalTo("cursor"));
        Api.get(organizer, "/reports/ratings?year=2025&limit=500").statusCode(400);
    }

    @Test
    void yearOverYear() {
        JsonPath r = Api.get(Api.as("organizer", t.district().id), "/reports/comparison?fromYear=2024&toYear=2025&organizationId=" + t.district().id)
                .statusCode(200).extract().jsonPath();
        assertEquals(5, r.getInt("find { it.year == 2024 && it.subjectType == 'MEMBER' && it.level == 'GOOD' }.count"));
        assertEquals(100.0f, r.getFloat("find { it.year == 2024 && it.subjectType == 'MEMBER' && it.level == 'GOOD' }.percent"));
        assertEquals(-36.36f, r.getFloat("find { it.year == 2025 && it.subjectType == 'MEMBER' && it.level == 'GOOD' }.changePoints"));
        assertEquals(9.09f, r.getFloat("find { it.year == 2025 && it.subjectType == 'MEMBER' && it.level == 'EXCELLENT' }.changePoints"));
        Api.get(Api.as("organizer", t.district().id), "/reports/comparison?fromYear=2025&toYear=2020").statusCode(400);
    }

    @Test
    void csvExports() {
        String organizer = Api.as("organizer", t.district().id);
        String base = Api.BASE + "/reports/summary.csv?year=2025&organizationId=" + t.district().id;
        // for people (default): the glossary's names and decimal commas
        String csv = given().header("Authorization", organizer).get(base).then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFFĐối tượng,Phân nhóm,Nhóm,Mã mức,Mức xếp loại,Số lượng,Tỉ lệ (%)\r\n"), csv);
        assertTrue(csv.contains("Đảng viên,Tổng số,Tổng số,GOOD,Hoàn thành tốt nhiệm vụ,7,\"63,64\""), csv);
        assertTrue(csv.contains("Tổ chức đảng,Tổ chức cơ sở đảng,Tổ chức cơ sở đảng,EXCELLENT,Hoàn thành xuất sắc nhiệm vụ,1,\"50,00\""), csv);
        assertTrue(csv.contains("Đảng viên,Theo khối,Đơn vị sự nghiệp,GOOD,Hoàn thành tốt nhiệm vụ,2,\"100,00\""), csv);
        assertTrue(csv.contains("Tổ chức đảng,Theo loại hình tổ chức,Chi bộ trực thuộc,"), csv);
        assertFalse(csv.contains("PUBLIC_SERVICE") || csv.contains("SUBORDINATE_CELL") || csv.contains("MEMBER"), csv);
        // for machines: the identifiers
        csv = given().header("Authorization", organizer).get(base + "&codes=true").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFFsubjectType,grouping,group,level,levelName,count,percent\r\n"), csv);
        assertTrue(csv.contains("MEMBER,ALL,MEMBER,GOOD,Hoàn thành tốt nhiệm vụ,7,63.64"), csv);
        assertTrue(csv.contains("ORGANIZATION,GRASSROOTS,GRASSROOTS,EXCELLENT,Hoàn thành xuất sắc nhiệm vụ,1,50.00"), csv);
        assertTrue(csv.contains("MEMBER,SECTOR,PUBLIC_SERVICE,GOOD,Hoàn thành tốt nhiệm vụ,2,100.00"), csv);
        given().header("Authorization", organizer).get(base + "&codes=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("codes"));

        String ratings = Api.BASE + "/reports/ratings.csv?year=2025&subjectType=MEMBER&organizationId=" + t.district().id;
        String list = given().header("Authorization", organizer).get(ratings).then().statusCode(200).extract().asString();
        String[] lines = list.split("\r\n");
        assertEquals(12, lines.length, list);
        assertTrue(lines[0].startsWith("\uFEFFMã xếp loại,Đối tượng,Mã đối tượng,Họ tên / tên tổ chức,"), lines[0]);
        String mai = Arrays.stream(lines).filter(l -> l.contains("Trần Thị Mai 005")).findFirst().orElseThrow();
        assertTrue(mai.matches(".*,Đảng viên,.*,Chi bộ trực thuộc,Thôn, bản, tổ dân phố|.*,Đảng viên,.*,Chi bộ trực thuộc,\"Thôn, bản, tổ dân phố\","
                + "Hoàn thành (xuất sắc|tốt) nhiệm vụ,\\d\\d/\\d\\d/\\d{4},.*"), mai);
        list = given().header("Authorization", organizer).get(ratings + "&codes=true").then().statusCode(200).extract().asString();
        assertTrue(list.startsWith("\uFEFFratingId,subjectType"), list);
        assertTrue(list.contains(",MEMBER,") && list.contains(",SUBORDINATE_CELL,RESIDENTIAL,"), list);
    }

    @Test
    void aLargeCsvIsExportedInTheBackground() throws InterruptedException {
        String organizer = Api.as("organizer", t.district().id);
        String query = "?year=2025&organizationId=" + t.district().id;
        // 11 members and 4 organizations: above the direct limit of the tests (12 rows)
        given().header("Authorization", organizer).get(Api.BASE + "/reports/ratings.csv" + query).then().statusCode(422)
                .contentType(containsString("application/problem+json")).body("type", containsString("export-too-large"))
                .body("detail", containsString("POST /api/v1/evaluations/reports/ratings.csv"));
        String location = given().header("Authorization", organizer).post(Api.BASE + "/reports/ratings.csv" + query).then().statusCode(202)
                .body("report", equalTo("ratings.csv")).body("parameters.year", equalTo(2025))
                .body("parameters.organizationId", equalTo(t.district().id)).extract().header("Location");
        assertTrue(location.contains(Api.BASE + "/exports/"), location);
        JsonPath e = null;
        for (int i = 0; i < 100; i++) {
            e = given().header("Authorization", organizer).get(location).then().statusCode(200).extract().jsonPath();
            if (!List.of("QUEUED", "RUNNING").contains(e.getString("status"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("SUCCEEDED", e.getString("status"), e.prettify());
        assertEquals(15, e.getInt("rowsExpected"));
        assertEquals(15, e.getInt("rowsWritten"));
        assertEquals(100, e.getInt("percent"));
        String file = given().header("Authorization", organizer).get(location + "/file").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("danh-sach-xep-loai-2025.csv"))
                .extract().asString();
        String[] lines = file.split("\r\n");
        assertEquals(16, lines.length, file);
        assertTrue(lines[0].startsWith("\uFEFFMã xếp loại,Đối tượng"), lines[0]);
        assertEquals(11, file.split(",Đảng viên,", -1).length - 1);
        assertEquals(4, file.split(",Tổ chức đảng,", -1).length - 1);
        assertEquals(e.getLong("bytes"), file.getBytes(StandardCharsets.UTF_8).length);

        // an export is its requester's (and admins'): anybody else gets 404, and the filters are checked before it starts
        given().header("Authorization", Api.as("organizer", Feed.tree("reports-other").district().id)).get(location).then().statusCode(404);
        given().header("Authorization", Api.ADMIN).get(location).then().statusCode(200);
        given().header("Authorization", organizer).get(Api.BASE + "/exports/not-an-id").then().statusCode(400);
        given().header("Authorization", Api.as("secretary", t.cellA().id)).post(Api.BASE + "/reports/ratings.csv" + query).then().statusCode(403);
        given().header("Authorization", organizer).post(Api.BASE + "/reports/ratings.csv?year=twenty").then().statusCode(400);
    }

    @Test
    void aPrintablePdfOfTheCycle() {
        String organizer = Api.as("organizer", t.district().id);
        byte[] pdf = given().header("Authorization", organizer).get(Api.BASE + "/cycles/" + cycle + "/report.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).contains("DejaVuSans"), "a font with the Vietnamese letters is embedded");
        PrintedPdf printed = PrintedPdf.read(pdf, "evaluations-cycle-report");
        // what the JSON summary says, the PDF says: its sentences, and each group's figures under the group's Vietnamese name
        JsonPath s = Api.get(organizer, "/reports/summary?year=2025&cycleId=" + cycle + "&organizationId=" + t.district().id)
                .statusCode(200).extract().jsonPath();
        for (String sentence : s.getList("statements", String.class)) {
            assertTrue(printed.contains(sentence), sentence + " in " + printed.text());
        }
        assertTrue(printed.contains("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2025"), printed.text());
        assertTrue(printed.contains("Đơn vị sự nghiệp 2 0 0,00 % 2 100,00 % 0 0,00 % 0 0,00 %"), printed.text());
        assertTrue(printed.contains("Chi bộ trực thuộc 9 1 11,11 % 5 55,56 % 2 22,22 % 1 11,11 %"), printed.text());
        assertTrue(printed.contains("Tổ chức cơ sở đảng 2 1 50,00 % 1 50,00 % 0 0,00 % 0 0,00 %"), printed.text());
        for (String code : List.of("GRASSROOTS_CELL", "SUBORDINATE_CELL", "PUBLIC_SERVICE", "RESIDENTIAL", "COMMUNE")) {
            assertFalse(printed.contains(code), code + " in " + printed.text());
        }
        // the year before was rated: its comparison, as the JSON comparison gives it (GOOD: 100 % in 2024, -36,36 points)
        assertTrue(printed.contains("So sánh với năm 2024"), printed.text());
        assertTrue(printed.contains("Hoàn thành tốt nhiệm vụ 2024 5 100,00 %"), printed.text());
        assertTrue(printed.contains("Hoàn thành tốt nhiệm vụ 2025 7 63,64 % -36,36"), printed.text());
        // charts: members and organizations by type and by sector, and the two comparisons
        assertEquals(6, printed.charts(), "charts drawn");
        // the cycle's number of ratings (kept by triggers) is what its list of ratings holds
        int listed = Api.get(Api.ADMIN, "/cycles/" + cycle + "/ratings?limit=200").statusCode(200).body("nextCursor", nullValue())
                .extract().path("items.size()");
        assertTrue(listed > 10);
        Api.get(Api.as("secretary", t.school().id), "/cycles/" + cycle).statusCode(200).body("ratings", equalTo(listed));
        Api.get(Api.as("organizer", Feed.tree("elsewhere").district().id), "/cycles/" + cycle).statusCode(403);
        Api.get(Api.ADMIN, "/cycles?year=2025").statusCode(200).body("items.id", hasItem(cycle));
    }
}
