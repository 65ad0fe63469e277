package vn.grassroots.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.MEMBERS;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training records and the CSV export of a filtered list. */
@QuarkusTest
class TrainingAndExportTest {
    static final LocalDate TODAY = MembersTest.TODAY;

    static Map<String, Object> course(String kind, String level, LocalDate start, LocalDate end) {
        Map<String, Object> b = new HashMap<>();
        b.put("kind", kind);
        b.put("level", level);
        b.put("institution", "Trường Chính trị tỉnh Điện Biên");
        b.put("startedOn", start.toString());
        if (end != null) {
            b.put("completedOn", end.toString());
        }
        b.put("certificateNumber", "TC-123");
        return b;
    }

    @Test
    void trainingRecords() {
        OrgFeed.Tree t = OrgFeed.tree("training");
        String id = Api.create(ADMIN, Api.member(t.cellA().id, "Cầm Văn Học", TODAY.minusYears(6), "OFFICIAL"));
        String path = MEMBERS + "/" + id + "/training";
        String secretary = Api.as("secretary", t.cellA().id);
        Api.post(secretary, path, course("POLITICAL_THEORY", "intermediate", TODAY.minusYears(2), TODAY.minusYears(1))).statusCode(201)
                .body("level", equalTo("INTERMEDIATE")).body("recordedBy", equalTo("secretary-" + t.cellA().id));
        Api.post(secretary, path, course("DEFENCE_SECURITY", "Đối tượng 4", TODAY.minusMonths(3), null)).statusCode(201);
        Api.post(secretary, path, course("POLITICAL_THEORY", "DOCTORATE", TODAY.minusYears(2), null)).statusCode(400)
                .body("errors[0].field", equalTo("level"));
        Api.post(secretary, path, course("POLITICAL_THEORY", "ADVANCED", TODAY.minusYears(1), TODAY.minusYears(2))).statusCode(422)
                .body("errors[0].field", equalTo("completedOn"));
        Api.post(secretary, path, Map.of("kind", "POLITICAL_THEORY")).statusCode(400);
        Api.post(Api.as("secretary", t.cellB().id), path, course("DEFENCE_SECURITY", "Đối tượng 4", TODAY, null)).statusCode(403);
        Api.post(Api.memberToken(t.cellA().id, id), path, course("DEFENCE_SECURITY", "Đối tượng 4", TODAY, null)).statusCode(403);
        Api.get(Api.memberToken(t.cellA().id, id), path).statusCode(200)
                .body("kind", contains("POLITICAL_THEORY", "DEFENCE_SECURITY"))
                .body("[1].level", equalTo("Đối tượng 4"));
    }

    @Test
    void exportAFilteredListAsCsv() {
        OrgFeed.Tree t = OrgFeed.tree("export");
        var a = Api.member(t.cellA().id, "Nguyễn Văn Xuất, con", TODAY.minusYears(6), "OFFICIAL");
        a.put("partyCardNumber", "X-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        Api.create(ADMIN, a);
        Api.create(ADMIN, Api.member(t.cellB().id, "Trần Thị Khẩu", TODAY.minusMonths(2), "PROBATIONARY"));
        String organizer = Api.as("organizer", t.district().id);
        byte[] body = given().header("Authorization", organizer).queryParam("status", "OFFICIAL").when().get(MEMBERS + "/export")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFHọ và tên,"));
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        // for people: names and dates as the glossary and Vietnamese documents write them (and the member import reads)
        assertTrue(lines[1].startsWith("\"Nguyễn Văn Xuất, con\",12/04/1985,Nam,Thái"), lines[1]);
        assertTrue(lines[1].endsWith(",Chính thức,Chi bộ bản Cang export"), lines[1]);
        assertFalse(csv.contains("011085001234"));
        // for machines: the codes and ISO dates
        csv = given().header("Authorization", organizer).queryParam("status", "OFFICIAL").queryParam("codes", "true").when()
                .get(MEMBERS + "/export").then().statusCode(200).extract().asString();
        lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("\uFEFFfullName,birthDate,gender,"), lines[0]);
        assertTrue(lines[1].startsWith("\"Nguyễn Văn Xuất, con\",1985-04-12,MALE,Thái"), lines[1]);
        assertTrue(lines[1].endsWith(",OFFICIAL,Chi bộ bản Cang export"), lines[1]);
        given().header("Authorization", organizer).queryParam("codes", "yes").when().get(MEMBERS + "/export").then().statusCode(400);
        given().header("Authorization", organizer).queryParam("gender", "X").when().get(MEMBERS + "/export").then().statusCode(400);
        given().header("Authorization", Api.as("organizer", OrgFeed.tree("export-other").district().id)).when()
                .get(MEMBERS + "/export?organizationId=" + t.cellA().id).then().statusCode(403);
    }

    @Test
    void aLargeExportRunsInTheBackgroundWithItsProgress() throws InterruptedException {
        OrgFeed.Tree t = OrgFeed.tree("export-large");
        for (int i = 1; i <= 5; i++) {
            Api.create(ADMIN, Api.member(i <= 3 ? t.cellA().id : t.cellB().id, "Vì Văn Xuất " + i, TODAY.minusYears(5), "OFFICIAL"));
        }
        String organizer = Api.as("organizer", t.district().id);
        String query = "?organizationId=" + t.district().id + "&includeDescendants=true";
        // 5 members: above the direct limit of the tests (3 rows); nothing is cut off silently
        given().header("Authorization", organizer).when().get(MEMBERS + "/export" + query).then().statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/export-too-large"))
                .body("detail", org.hamcrest.Matchers.containsString("POST /api/v1/members/export"));
        given().header("Authorization", organizer).when().get(MEMBERS + "/export?organizationId=" + t.cellB().id).then().statusCode(200);
        String location = given().header("Authorization", organizer).when().post(MEMBERS + "/export" + query).then().statusCode(202)
                .body("report", equalTo("members.csv")).body("parameters.includeDescendants", equalTo(true))
                .extract().header("Location");
        io.restassured.path.json.JsonPath e = null;
        for (int i = 0; i < 100; i++) {
            e = given().header("Authorization", organizer).when().get(location).then().statusCode(200).extract().jsonPath();
            if (!"QUEUED".equals(e.getString("status")) && !"RUNNING".equals(e.getString("status"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("SUCCEEDED", e.getString("status"), e.prettify());
        assertEquals(5, e.getInt("rowsExpected"));
        assertEquals(5, e.getInt("rowsWritten"));
        String csv = new String(given().header("Authorization", organizer).when().get(location + "/file").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertEquals(6, lines.length, csv);
        assertTrue(lines[0].startsWith("\uFEFFHọ và tên,"));
        for (int i = 1; i <= 5; i++) {
            assertTrue(csv.contains("Vì Văn Xuất " + i + ","), csv);
        }
        given().header("Authorization", Api.as("organizer", OrgFeed.tree("export-large-other").district().id)).when().get(location)
                .then().statusCode(404);
        given().header("Authorization", Api.as("organizer", OrgFeed.tree("export-large-other").district().id)).when()
                .post(MEMBERS + "/export" + query).then().statusCode(403);
        given().header("Authorization", organizer).when().post(MEMBERS + "/export?gender=X").then().statusCode(400);
    }
}
