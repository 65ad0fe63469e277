package vn.grassroots.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.MEMBERS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The CSV import: Vietnamese headers and values, every bad row reported, both modes, card numbers, scope, size. */
@QuarkusTest
class MemberImportTest {
    static final String IMPORTS = MEMBERS + "/imports";
    static final String VI_HEADER = "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Số CCCD,Điện thoại,Email,Quê quán,Trình độ học vấn,"
            + "Lý luận chính trị,Nghề nghiệp,Số thẻ đảng,Ngày vào Đảng,Ngày chính thức,Mã chi bộ,Trạng thái\r\n";
    static final String EN_HEADER = "fullName,birthDate,gender,theoryLevel,partyCardNumber,admissionDate,officialDate,organizationId,status\n";

    static ValidatableResponse importCsv(String auth, String csv, String mode) {
        var req = given().header("Authorization", auth).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8));
        if (mode != null) {
            req.queryParam("mode", mode);
        }
        return req.when().post(IMPORTS).then();
    }

    static String card() {
        return "I-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static int count(String orgId) {
        return given().header("Authorization", ADMIN).queryParam("organizationId", orgId).queryParam("limit", 200)
                .when().get(MEMBERS).then().statusCode(200).extract().path("items.size()");
    }

    @Test
    void vietnameseHeadersAndValues() {
        OrgFeed.Tree t = OrgFeed.tree("import-vi");
        String a = t.cellA().id;
        String card = card();
        String csv = "\uFEFF" + VI_HEADER
                + "\"Lò Văn Thắng, con\",12/04/1985,Nam,Thái,Không,011085001234,0912 345 678,thang@example.vn,\"Quài Cang, Tuần Giáo\",12/12,"
                + "Sơ cấp,Nông dân," + card + ",01/02/2010,01/02/2011," + a + ",Chính thức\r\n"
                + "Quàng Thị Ơn,1990-07-30,Nữ,Thái,,,,,Điện Biên,12/12,Trung cấp,Giáo viên,,2024-01-15,," + t.group().id + ",Dự bị\r\n"
                + "\r\n"
                + "Cầm Thị Đào,1970-01-01,nữ,Kinh,,,,,,,cử nhân,,,1995-05-19,1996-05-19," + a + ",miễn sinh hoạt\r\n";
        importCsv(ADMIN, csv, null).statusCode(200)
                .body("mode", equalTo("all-or-nothing")).body("total", equalTo(3)).body("imported", equalTo(3))
                .body("rejected", equalTo(0)).body("errors", hasSize(0));
        given().header("Authorization", ADMIN).queryParam("organizationId", a).queryParam("q", "lo van thang").when().get(MEMBERS)
                .then().statusCode(200).body("items.fullName", contains("Lò Văn Thắng, con"))
                .body("items[0].gender", equalTo("MALE")).body("items[0].theoryLevel", equalTo("ELEMENTARY"))
                .body("items[0].status", equalTo("OFFICIAL")).body("items[0].partyCardNumber", equalTo(card))
                .body("items[0].birthDate", equalTo("1985-04-12"));
        given().header("Authorization", ADMIN).queryParam("organizationId", t.group().id).when().get(MEMBERS)
                .then().statusCode(200).body("items.fullName", contains("Quàng Thị Ơn"))
                .body("items[0].gender", equalTo("FEMALE")).body("items[0].status", equalTo("PROBATIONARY"))
                .body("items[0].theoryLevel", equalTo("INTERMEDIATE"));
        given().header("Authorization", ADMIN).queryParam("organizationId", a).queryParam("status", "EXEMPT").when().get(MEMBERS)
                .then().statusCode(200).body("items.fullName", contains("Cầm Thị Đào")).body("items[0].theoryLevel", equalTo("BACHELOR"));
        // one audit entry for the import
        String importId = importCsv(ADMIN, EN_HEADER + "Lò Văn Một,1980-01-01,MALE,NONE,,2020-01-01,2021-01-01," + a + ",OFFICIAL\n", null)
                .statusCode(200).extract().path("importId");
        Api.get(ADMIN, MEMBERS + "/audit?entityId=" + importId).statusCode(200)
                .body("items.action", contains("members.imported")).body("items[0].after.imported", equalTo(1));
    }

    static String badFile(OrgFeed.Tree t) {
        String a = t.cellA().id;
        return EN_HEADER
                + "Good One,1980-01-01,MALE,ELEMENTARY," + card() + ",2010-01-01,2011-01-01," + a + ",OFFICIAL\n"   // 2
                + "Bad Date,1980-13-01,MALE,ELEMENTARY,,2010-01-01,2011-01-01," + a + ",OFFICIAL\n"                 // 3
                + ",1980-01-01,X,ELEMENTARY,,2010-01-01,2011-01-01," + a + ",OFFICIAL\n"                           // 4
                + "Too Short,1980-01-01,MALE,ELEMENTARY,,2010-01-01,2010-06-01," + a + ",OFFICIAL\n"               // 5
                + "Not A Cell,1980-01-01,MALE,ELEMENTARY,,2010-01-01,2011-01-01," + t.commune().id + ",OFFICIAL\n" // 6
                + "Good Two,1980-01-01,FEMALE,NONE,,2024-01-01,," + t.cellB().id + ",PROBATIONARY\n"              // 7
                + "Expelled,1980-01-01,MALE,ELEMENTARY,,2010-01-01,2011-01-01," + a + ",EXPELLED\n"               // 8
                + "Unknown Org,1980-01-01,MALE,ELEMENTARY,,2010-01-01,2011-01-01," + UUID.randomUUID() + ",OFFICIAL\n"; // 9
    }

    @Test
    void allOrNothingImportsNothingAndListsEveryBadLine() {
        OrgFeed.Tree t = OrgFeed.tree("import-aon");
        importCsv(ADMIN, badFile(t), "all-or-nothing").statusCode(422).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://grassroots.vn/problems/import-refused")).body("status", equalTo(422))
                .body("total", equalTo(8)).body("imported", equalTo(0)).body("rejected", equalTo(6))
                .body("errors.line", contains(3, 4, 4, 5, 6, 8, 9))
                .body("errors.field", contains("birthDate", "gender", "fullName", "officialDate", "organizationId", "status", "organizationId"));
        assertEquals(0, count(t.cellA().id));
        assertEquals(0, count(t.cellB().id));
    }

    @Test
    void validRowsImportsTheGoodOnes() {
        OrgFeed.Tree t = OrgFeed.tree("import-valid");
        importCsv(ADMIN, badFile(t), "valid-rows").statusCode(200)
                .body("total", equalTo(8)).body("imported", equalTo(2)).body("rejected", equalTo(6))
                .body("errors.line", contains(3, 4, 4, 5, 6, 8, 9));
        assertEquals(1, count(t.cellA().id));
        assertEquals(1, count(t.cellB().id));
        importCsv(ADMIN, badFile(t), "everything").statusCode(400).body("errors[0].field", equalTo("mode"));
    }

    @Test
    void cellsFollowTheTextRuleOfEveryField() {
        OrgFeed.Tree t = OrgFeed.tree("import-text");
        String a = t.cellA().id;
        String csv = EN_HEADER
                + "Good Name,1980-01-01,MALE,NONE,,2010-01-01,2011-01-01," + a + ",OFFICIAL\n"           // 2
                + "Nul\u0000Name,1980-01-01,MALE,NONE,,2010-01-01,2011-01-01," + a + ",OFFICIAL\n"      // 3
                + "\"Two\nLines\",1980-01-01,MALE,NONE,,2010-01-01,2011-01-01," + a + ",OFFICIAL\n"   // 4
                + "Be\u0007ll,1980-01-01,MALE,NONE,,2010-01-01,2011-01-01," + a + ",OFFICIAL\n";       // 6
        importCsv(ADMIN, csv, "valid-rows").statusCode(200).body("imported", equalTo(1)).body("rejected", equalTo(3))
                .body("errors.field", contains("fullName", "fullName", "fullName"))
                .body("errors[0].message", equalTo("contains a NUL character"));
        assertEquals(1, count(a));
    }

    @Test
    void duplicateCardNumbersInTheFileAndInTheDatabase() {
        OrgFeed.Tree t = OrgFeed.tree("import-cards");
        String a = t.cellA().id;
        String existing = card();
        var m = Api.member(a, "Đã Có Thẻ", MembersTest.TODAY.minusYears(5), "OFFICIAL");
        m.put("partyCardNumber", existing);
        Api.create(ADMIN, m);
        String twice = card();
        String csv = EN_HEADER
                + "Dup Db,1980-01-01,MALE,NONE," + existing + ",2010-01-01,2011-01-01," + a + ",OFFICIAL\n"  // 2
                + "First,1980-01-01,MALE,NONE," + twice + ",2010-01-01,2011-01-01," + a + ",OFFICIAL\n"     // 3
                + "Second,1980-01-01,MALE,NONE," + twice + ",2010-01-01,2011-01-01," + a + ",OFFICIAL\n";   // 4
        importCsv(ADMIN, csv, null).statusCode(422).body("rejected", equalTo(2))
                .body("errors.line", contains(2, 4)).body("errors.field", contains("partyCardNumber", "partyCardNumber"))
                .body("errors[0].message", equalTo("is already issued to another member"))
                .body("errors[1].message", equalTo("duplicates line 3 of the file"));
        importCsv(ADMIN, csv, "valid-rows").statusCode(200).body("imported", equalTo(1));
        given().header("Authorization", ADMIN).queryParam("partyCardNumber", twice).when().get(MEMBERS).then().statusCode(200)
                .body("items.fullName", contains("First"));
    }

    @Test
    void outOfScopeOrganizationRefused() {
        OrgFeed.Tree mine = OrgFeed.tree("import-mine");
        OrgFeed.Tree other = OrgFeed.tree("import-other");
        String organizer = Api.as("organizer", mine.district().id);
        String csv = EN_HEADER
                + "Mine,1980-01-01,MALE,NONE,,2010-01-01,2011-01-01," + mine.cellA().id + ",OFFICIAL\n"
                + "Theirs,1980-01-01,MALE,NONE,,2010-01-01,2011-01-01," + other.cellA().id + ",OFFICIAL\n";
        importCsv(organizer, csv, "valid-rows").statusCode(200).body("imported", equalTo(1))
                .body("errors.line", contains(3)).body("errors.field", contains("organizationId"))
                .body("errors[0].message", equalTo("is outside your scope"));
        assertEquals(0, count(other.cellA().id));
        importCsv(Api.as("secretary", mine.cellA().id), csv, null).statusCode(403);
    }

    @Test
    void badHeaderAndEncoding() {
        importCsv(ADMIN, "Họ và tên,Ngày sinh,Màu mắt\n", null).statusCode(400)
                .body("errors.field", hasItem("Màu mắt")).body("errors.field", hasItem("organizationId"));
        importCsv(ADMIN, "", null).statusCode(400);
        given().header("Authorization", ADMIN).contentType("text/csv").body(new byte[] {(byte) 0xC3, 0x28}).when().post(IMPORTS)
                .then().statusCode(400);
    }

    /** A file larger than the common body limit (256 KiB) passes on this path only, and imports in batches. */
    @Test
    void aFewThousandRowsInBatches() {
        OrgFeed.Tree t = OrgFeed.tree("import-size");
        int rows = 1_500;
        String csv = file(rows, t.cellA().id, t.cellB().id);
        assertTrue(csv.length() > 262_144);
        long started = System.nanoTime();
        importCsv(ADMIN, csv, null).statusCode(200).body("imported", equalTo(rows));
        System.out.printf("import of %d rows: %d ms%n", rows, (System.nanoTime() - started) / 1_000_000);
        given().header("Authorization", ADMIN).contentType("application/json").body(csv).when().post(MEMBERS).then().statusCode(413);
    }

    /** Prefer: respond-async: 202 at once, the progress while it runs, then the report; the refusals. */
    @Test
    void backgroundImportShowsItsProgressAndThenTheReport() throws InterruptedException {
        OrgFeed.Tree t = OrgFeed.tree("import-async");
        // big enough to be seen running, small enough not to flood the test stack's member topics
        int rows = 6_000;
        String organizer = Api.as("organizer", t.district().id);
        var started = given().header("Authorization", organizer).header("Prefer", "respond-async").contentType("text/csv; charset=UTF-8")
                .body(file(rows, t.cellA().id, t.cellB().id).getBytes(StandardCharsets.UTF_8)).when().post(IMPORTS)
                .then().statusCode(202).header("Preference-Applied", "respond-async").body("rowsEstimated", equalTo(rows))
                .body("createdBy", equalTo("organizer-" + t.district().id)).extract();
        String location = started.header("Location");
        assertTrue(location.endsWith("/api/v1/members/imports/" + started.path("id")), location);

        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        int lastPercent = -1;
        boolean sawMiddle = false;
        io.restassured.path.json.JsonPath last = null;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            last = given().header("Authorization", organizer).when().get(location).then().statusCode(200).extract().jsonPath();
            String status = last.getString("status");
            int percent = last.getInt("percent");
            seen.add(status + (last.getString("phase") == null ? "" : "/" + last.getString("phase")));
            assertTrue(percent >= lastPercent, "progress never goes back: " + lastPercent + " then " + percent);
            lastPercent = percent;
            sawMiddle |= "RUNNING".equals(status) && percent > 0 && percent < 100;
            if (!"QUEUED".equals(status) && !"RUNNING".equals(status)) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals("SUCCEEDED", last.getString("status"), "statuses seen: " + seen);
        assertTrue(sawMiddle, "a running import shows how far it is; seen " + seen);
        assertTrue(seen.contains("RUNNING/VALIDATING") && seen.contains("RUNNING/WRITING"), "both phases are shown: " + seen);
        assertEquals(rows, last.getInt("report.imported"));
        assertEquals(rows, last.getInt("rowsWritten"));
        assertEquals(rows, last.getInt("rowsTotal"));
        assertEquals(100, last.getInt("percent"));
        assertEquals(rows / 2, given().header("Authorization", ADMIN).queryParam("organizationId", t.cellA().id).when()
                .get(MEMBERS + "/statistics").then().statusCode(200).extract().<Integer>path("members"));

        // only its author and admins follow an import
        given().header("Authorization", ADMIN).when().get(location).then().statusCode(200);
        given().header("Authorization", Api.as("organizer", t.province().id)).when().get(location).then().statusCode(403);
        given().header("Authorization", Api.as("secretary", t.cellA().id)).when().get(location).then().statusCode(403);
        given().header("Authorization", ADMIN).when().get(IMPORTS + "/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", ADMIN).when().get(IMPORTS + "/not-an-id").then().statusCode(400);
    }

    @Test
    void backgroundImportRefusalsAndARejectedFile() throws InterruptedException {
        OrgFeed.Tree t = OrgFeed.tree("import-async-bad");
        var async = given().header("Authorization", ADMIN).header("Prefer", "respond-async").contentType("text/csv; charset=UTF-8");
        // refused at once, no import created: bad header, bad mode, not UTF-8, a secretary
        async.body("Họ và tên,Màu áo\nA,B\n".getBytes(StandardCharsets.UTF_8)).when().post(IMPORTS).then().statusCode(400)
                .body("type", equalTo("https://grassroots.vn/problems/bad-csv-header"));
        given().header("Authorization", ADMIN).header("Prefer", "respond-async").contentType("text/csv").queryParam("mode", "some")
                .body(EN_HEADER).when().post(IMPORTS).then().statusCode(400).body("errors[0].field", equalTo("mode"));
        given().header("Authorization", ADMIN).header("Prefer", "respond-async").contentType("text/csv")
                .body(new byte[] {(byte) 0xC3, (byte) 0x28}).when().post(IMPORTS).then().statusCode(400);
        given().header("Authorization", Api.as("secretary", t.cellA().id)).header("Prefer", "respond-async").contentType("text/csv")
                .body(EN_HEADER).when().post(IMPORTS).then().statusCode(403);

        // all-or-nothing with bad lines: REJECTED, the report lists them, nothing imported
        String location = given().header("Authorization", ADMIN).header("Prefer", "respond-async").contentType("text/csv; charset=UTF-8")
                .body(badFile(t).getBytes(StandardCharsets.UTF_8)).when().post(IMPORTS).then().statusCode(202).extract().header("Location");
        io.restassured.path.json.JsonPath job = null;
        for (int i = 0; i < 600; i++) {
            job = given().header("Authorization", ADMIN).when().get(location).then().statusCode(200).extract().jsonPath();
            if (!"QUEUED".equals(job.getString("status")) && !"RUNNING".equals(job.getString("status"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("REJECTED", job.getString("status"));
        assertEquals(0, job.getInt("report.imported"));
        assertTrue(job.getInt("report.rejected") > 0);
        assertEquals(0, count(t.cellA().id));
    }

    /** 100,000 rows, run by hand: ./mvnw -B -o -T1 -pl services/membership install -Dtest=MemberImportTest#hundredThousandRows -Dgrassroots.import.big=true */
    @Test
    @EnabledIfSystemProperty(named = "grassroots.import.big", matches = "true")
    void hundredThousandRows() throws java.io.IOException {
        OrgFeed.Tree t = OrgFeed.tree("import-big");
        int rows = 100_000;
        // written to a file and streamed, so the test JVM (client and service, -Xmx384m) holds the text only once
        java.nio.file.Path f = java.nio.file.Files.createTempFile("import", ".csv");
        try {
            try (var w = java.nio.file.Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                write(w, rows, t.cellA().id, t.cellB().id);
            }
            long started = System.nanoTime();
            given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8").body(f.toFile()).when().post(IMPORTS)
                    .then().statusCode(200).body("imported", equalTo(rows)).body("errors", hasSize(0));
            long ms = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("import of %d rows (%d bytes): %d ms%n", rows, java.nio.file.Files.size(f), ms);
            assertTrue(ms < 60_000, ms + " ms");
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    static String file(int rows, String cellA, String cellB) {
        StringBuilder b = new StringBuilder();
        try {
            write(b, rows, cellA, cellB);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toString();
    }

    static void write(Appendable b, int rows, String cellA, String cellB) throws java.io.IOException {
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        b.append("\uFEFF").append(VI_HEADER);
        for (int i = 0; i < rows; i++) {
            b.append("Nguyễn Văn Thành ").append(String.valueOf(i)).append(",12/04/1985,").append(i % 2 == 0 ? "Nam" : "Nữ")
                    .append(",Thái,Không,011085001234,0912 345 678,thanh").append(String.valueOf(i))
                    .append("@example.vn,\"Quài Cang, Tuần Giáo, Điện Biên\",12/12,")
                    .append("Sơ cấp,Nông dân,").append(prefix).append('-').append(String.valueOf(i)).append(",01/02/2010,01/02/2011,")
                    .append(i % 2 == 0 ? cellA : cellB).append(",Chính thức\r\n");
        }
    }
}
