package vn.grassroots.meetings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A meeting register imported from CSV: each meeting recorded as POST /meetings/past records it, every bad row reported. */
@QuarkusTest
class RegisterImportTest {
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear() - 1;
    static final String HEADER = "Mã tổ chức,Tổ chức đảng,Ngày họp,Loại,Mã đảng viên,Họ và tên,Điểm danh,Lý do\n";

    static ValidatableResponse upload(String auth, String csv, String mode) {
        return given().header("Authorization", auth).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post(Api.MEETINGS + "/imports" + (mode == null ? "" : "?mode=" + mode)).then().log().ifValidationFails();
    }

    static String row(Feed.Tree t, String date, String kind, Feed.Member m, String status, String reason) {
        return String.join(",", t.cellA().id, "Chi bộ bản Cang", date, kind, m.id, "\"" + m.fullName + "\"", status, reason) + "\n";
    }

    static long meetings(Feed.Tree t) {
        return Feed.count("SELECT count(*) FROM meeting WHERE organization_id = ?1", UUID.fromString(t.cellA().id));
    }

    @Test
    void aRegisterWithVietnameseHeadersIsRecordedMeetingByMeeting() {
        Feed.Tree t = Feed.tree("reg-good");
        Feed.Member a = Feed.member(t.cellA(), "Lò Văn An", "OFFICIAL");
        Feed.Member b = Feed.member(t.cellA(), "Quàng Thị Bình", "OFFICIAL");
        Feed.members(a, b);
        String csv = HEADER
                + row(t, "05/01/" + YEAR, "Thường kỳ", a, "Có mặt", "")
                + row(t, "05/01/" + YEAR, "Thường kỳ", b, "Vắng có lý do", "\"Đi viện,\nđiều trị\"")
                + row(t, YEAR + "-03-20", "THEMATIC", a, "PRESENT", "")
                + row(t, YEAR + "-03-20", "THEMATIC", b, "Vắng không lý do", "");
        upload(Api.as("secretary", t.cellA()), csv, null).statusCode(200)
                .body("total", equalTo(4)).body("imported", equalTo(4)).body("rejected", equalTo(0)).body("errors.size()", equalTo(0));
        List<Map<String, Object>> items = Api.get(Api.ADMIN, Api.MEETINGS + "?organizationId=" + t.cellA().id + "&from=" + YEAR + "-01-01")
                .statusCode(200).extract().path("items");
        assertEquals(2, items.size());
        for (Map<String, Object> it : items) {
            String id = (String) it.get("id");
            boolean regular = "REGULAR".equals(it.get("kind"));
            Api.get(Api.ADMIN, Api.MEETINGS + "/" + id).statusCode(200).body("state", equalTo("HELD"))
                    .body("meetingDate", equalTo(regular ? YEAR + "-01-05" : YEAR + "-03-20"))
                    .body("attendance.enteredLate", equalTo(true)).body("attendance.expected", equalTo(2))
                    .body("attendance.present", equalTo(1))
                    .body("attendance.absentExcused", equalTo(regular ? 1 : 0)).body("attendance.absentUnexcused", equalTo(regular ? 0 : 1));
            Api.get(Api.ADMIN, Api.MEETINGS + "/" + id + "/attendance").statusCode(200)
                    .body("members.find { it.memberId == '" + b.id + "' }.status", equalTo(regular ? "ABSENT_EXCUSED" : "ABSENT_UNEXCUSED"))
                    .body("members.find { it.memberId == '" + a.id + "' }.status", equalTo("PRESENT"));
        }
        assertEquals(1, Feed.count("SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.organization_id = ?1 "
                + "AND a.reason = 'Đi viện,\nđiều trị'", UUID.fromString(t.cellA().id)));
    }

    @Test
    void badRowsAreReportedWithTheirLinesAndNothingIsWrittenOrOnlyTheGoodMeetingsInValidRowsMode() {
        Feed.Tree t = Feed.tree("reg-bad");
        Feed.Member a = Feed.member(t.cellA(), "Lò Văn Chín", "OFFICIAL");
        Feed.Member b = Feed.member(t.cellA(), "Lường Văn Mười", "OFFICIAL");
        Feed.members(a, b);
        String secretary = Api.as("secretary", t.cellA());
        String csv = HEADER
                + row(t, "05/02/" + YEAR, "Định kỳ", a, "Có mặt", "")            // line 2: good meeting
                + row(t, "05/02/" + YEAR, "Định kỳ", b, "Có mặt", "")            // line 3
                + row(t, "31/02/" + YEAR, "Định kỳ", a, "Có mặt", "")            // line 4: no such day
                + row(t, "05/04/" + YEAR, "Chuyên đề", a, "Có mặt", "")          // line 5: its meeting refused for line 6
                + row(t, "05/04/" + YEAR, "Chuyên đề", b, "Đi họp", "");         // line 6: unknown status
        upload(secretary, csv, null).statusCode(422).contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://grassroots.vn/problems/import-refused"))
                .body("total", equalTo(5)).body("imported", equalTo(0)).body("rejected", equalTo(3))
                .body("errors.line", equalTo(List.of(4, 5, 6)))
                .body("errors[0].field", equalTo("meetingDate")).body("errors[0].message", containsString("not a date"))
                .body("errors[1].message", containsString("refused for line 6"))
                .body("errors[2].field", equalTo("status")).body("errors[2].message", containsString("Vắng có lý do"));
        assertEquals(0, meetings(t));

        upload(secretary, csv, "valid-rows").statusCode(200)
                .body("imported", equalTo(2)).body("rejected", equalTo(3)).body("errors.line", equalTo(List.of(4, 5, 6)));
        assertEquals(1, meetings(t));
        Api.get(Api.ADMIN, Api.MEETINGS + "?organizationId=" + t.cellA().id + "&from=" + YEAR + "-01-01").statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].meetingDate", equalTo(YEAR + "-02-05"))
                .body("items[0].kind", equalTo("REGULAR")).body("items[0].state", equalTo("HELD"));
    }

    @Test
    void theRulesOfARecordedMeetingRefuseTheirRows() {
        Feed.Tree t = Feed.tree("reg-rules");
        Feed.Member a = Feed.member(t.cellA(), "Lò Văn Một", "OFFICIAL");
        Feed.Member b = Feed.member(t.cellA(), "Lò Văn Hai", "OFFICIAL");
        Feed.Member stranger = Feed.member(t.cellB(), "Lò Văn Lạ", "OFFICIAL");
        Feed.members(a, b, stranger);
        int before = YEAR - 1;
        String csv = HEADER
                + row(t, "05/12/" + before, "REGULAR", a, "PRESENT", "")               // lines 2-3: before the late-entry window
                + row(t, "05/12/" + before, "REGULAR", b, "PRESENT", "")
                + row(t, "05/06/" + YEAR, "REGULAR", a, "PRESENT", "")                 // lines 4-6: one not on the cell's roster
                + row(t, "05/06/" + YEAR, "REGULAR", b, "PRESENT", "")
                + row(t, "05/06/" + YEAR, "REGULAR", stranger, "PRESENT", "")
                + row(t, "05/07/" + YEAR, "REGULAR", a, "PRESENT", "");                // line 7: b is missing from the roster
        upload(Api.as("secretary", t.cellA()), csv, null).statusCode(422)
                .body("rejected", equalTo(6)).body("imported", equalTo(0))
                .body("errors.line", equalTo(List.of(2, 3, 4, 5, 6, 7)))
                .body("errors[0].field", equalTo("meetingDate")).body("errors[0].message", containsString("outside-late-entry-window"))
                .body("errors[1].message", containsString("outside-late-entry-window"))
                .body("errors[2].message", containsString("refused for line 6"))
                .body("errors[4].field", equalTo("memberId")).body("errors[4].message", containsString("not-a-member-of-organization"))
                .body("errors[5].message", containsString("attendance-incomplete"));
        assertEquals(0, meetings(t));
        // a cell outside the caller's scope: every row refused, nothing written
        String other = HEADER + row(t, "05/06/" + YEAR, "REGULAR", a, "PRESENT", "") + row(t, "05/06/" + YEAR, "REGULAR", b, "PRESENT", "");
        upload(Api.as("secretary", t.cellB()), other, "valid-rows").statusCode(200)
                .body("imported", equalTo(0)).body("rejected", equalTo(2)).body("errors.message", hasItem(containsString("out-of-scope")));
        assertEquals(0, meetings(t));
    }

    @Test
    void aBadHeaderIsRefusedAtOnce() {
        Feed.Tree t = Feed.tree("reg-header");
        String secretary = Api.as("secretary", t.cellA());
        upload(secretary, "Mã tổ chức,Ngày họp,Loại,Mã đảng viên,Ghi chú\n" + t.cellA().id + ",05/01/" + YEAR + ",REGULAR,"
                + UUID.randomUUID() + ",x\n", null).statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://grassroots.vn/problems/bad-csv-header"))
                .body("errors.field", hasItem("Ghi chú")).body("errors.field", hasItem("status"));
        given().header("Authorization", secretary).header("Prefer", "respond-async").contentType("text/csv; charset=UTF-8").body("Loại\nREGULAR\n")
                .when().post(Api.MEETINGS + "/imports").then().statusCode(400).body("type", containsString("bad-csv-header"));
        upload(secretary, HEADER, "some").statusCode(400).body("errors[0].field", equalTo("mode"));
        assertEquals(0, meetings(t));
    }

    @Test
    void inTheBackgroundWithItsProgress() throws InterruptedException {
        Feed.Tree t = Feed.tree("reg-async");
        Feed.Member a = Feed.member(t.cellA(), "Lò Văn Nền", "OFFICIAL");
        Feed.members(a);
        String secretary = Api.as("secretary", t.cellA());
        String id = given().header("Authorization", secretary).header("Prefer", "respond-async").contentType("text/csv; charset=UTF-8")
                .body(HEADER + row(t, "05/05/" + YEAR, "Thường kỳ", a, "Có mặt", "")).when().post(Api.MEETINGS + "/imports")
                .then().statusCode(202).header("Location", containsString("/api/v1/meetings/imports/")).extract().path("id");
        String status = null;
        for (int i = 0; i < 120 && !"SUCCEEDED".equals(status); i++) {
            Thread.sleep(250);
            status = Api.get(secretary, Api.MEETINGS + "/imports/" + id).statusCode(200).extract().path("status");
        }
        Api.get(secretary, Api.MEETINGS + "/imports/" + id).statusCode(200).body("status", equalTo("SUCCEEDED"))
                .body("percent", equalTo(100)).body("report.imported", equalTo(1));
        Api.get(Api.as("secretary", t.cellB()), Api.MEETINGS + "/imports/" + id).statusCode(403);
        assertEquals(1, meetings(t));
    }
}
