package vn.grassroots.meetings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.PrintedPdf;

/** Compliance of a subtree over a period: missed regular and thematic meetings, attendance, superior attendance. */
@QuarkusTest
class ComplianceTest {

    @Test
    void cellsMissingMeetingsAttendanceRatesAndSuperiorShare() {
        Feed.Tree t = Feed.tree("compliance");
        Feed.Member a1 = Feed.member(t.cellA(), "Lò Văn A1", "OFFICIAL");
        Feed.Member a2 = Feed.member(t.cellA(), "Lò Văn A2", "OFFICIAL");
        Feed.Member a3 = Feed.member(t.cellA(), "Lò Văn A3", "OFFICIAL");
        Feed.Member superior = Feed.member(t.commune(), "Quàng Văn Phụ Trách", "OFFICIAL");
        Feed.members(a1, a2, a3, superior);
        Feed.assignAttendance(superior.id, t.cellA(), 3, "ACTIVE");
        String secA = Api.as("secretary", t.cellA());

        String regular = Api.published(secA, t.cellA(), "REGULAR");
        Api.hold(secA, regular, List.of(Api.mark(a1, "PRESENT"), Api.mark(a2, "PRESENT"), Api.mark(a3, "ABSENT_UNEXCUSED")),
                List.of(Map.of("fullName", "Quàng Văn Phụ Trách", "memberId", superior.id))).statusCode(200);
        String thematic = Api.published(secA, t.cellA(), "THEMATIC");
        Api.hold(secA, thematic, List.of(Api.mark(a1, "PRESENT"), Api.mark(a2, "ABSENT_EXCUSED"), Api.mark(a3, "ABSENT_UNEXCUSED")), List.of())
                .statusCode(200);
        // cancelled and draft meetings do not count
        String cancelled = Api.published(Api.as("secretary", t.cellB()), t.cellB(), "REGULAR");
        Api.post(Api.as("secretary", t.cellB()), Api.MEETINGS + "/" + cancelled + "/cancel", Map.of("reason", "Hoãn")).statusCode(200);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        LocalDate from = today.withDayOfMonth(1);
        LocalDate to = from.plusMonths(1).minusDays(1);
        String month = today.toString().substring(0, 7);
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        String organizer = Api.as("organizer", t.district());
        String query = "?organizationId=" + t.commune().id + "&from=" + from + "&to=" + to;

        var cells = Api.get(organizer, Api.MEETINGS + "/compliance/cells" + query).statusCode(200).body("items", hasSize(2)).extract();
        Map<String, Object> a = cells.path("items.find { it.organizationId == '" + t.cellA().id + "' }");
        Map<String, Object> b = cells.path("items.find { it.organizationId == '" + t.cellB().id + "' }");
        assertEquals(List.of(), a.get("monthsWithoutRegular"));
        assertEquals(List.of(), a.get("quartersWithoutThematic"));
        assertEquals(2, a.get("meetingsHeld"));
        assertEquals(1, a.get("meetingsBelowQuorum"));
        assertEquals(6, a.get("expected"));
        assertEquals(3, a.get("present"));
        assertEquals(0.5f, ((Number) a.get("attendanceRate")).floatValue());
        assertEquals(2, a.get("meetingsWithSuperiorExpected"));
        assertEquals(1, a.get("meetingsWithSuperiorAttended"));
        assertEquals(0.5f, ((Number) a.get("superiorAttendanceShare")).floatValue());
        assertEquals(List.of(month), b.get("monthsWithoutRegular"));
        assertEquals(List.of(quarter), b.get("quartersWithoutThematic"));
        assertEquals(0, b.get("meetingsHeld"));
        assertNull(b.get("attendanceRate"));
        assertNull(b.get("superiorAttendanceShare"));
        Api.get(organizer, Api.MEETINGS + "/compliance/cells" + query + "&limit=1").statusCode(200).body("items", hasSize(1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());

        Api.get(organizer, Api.MEETINGS + "/compliance" + query).statusCode(200).body("cells", equalTo(2))
                .body("cellsMissingRegular", equalTo(1)).body("cellsMissingThematic", equalTo(1)).body("meetingsHeld", equalTo(2))
                .body("meetingsBelowQuorum", equalTo(1)).body("attendanceRate", equalTo(0.5f))
                .body("meetingsWithSuperiorExpected", equalTo(2)).body("meetingsWithSuperiorAttended", equalTo(1));

        var members = Api.get(organizer, Api.MEETINGS + "/compliance/members" + query).statusCode(200).body("items", hasSize(3)).extract();
        Map<String, Object> m1 = members.path("items.find { it.memberId == '" + a1.id + "' }");
        Map<String, Object> m3 = members.path("items.find { it.memberId == '" + a3.id + "' }");
        assertEquals(1.0f, ((Number) m1.get("attendanceRate")).floatValue());
        assertEquals(2, m3.get("absentUnexcused"));
        assertEquals(0.0f, ((Number) m3.get("attendanceRate")).floatValue());

        // refusals: outside the caller's subtree, a bad or reversed period, no organization
        Api.get(Api.as("secretary", t.cellB()), Api.MEETINGS + "/compliance/cells?organizationId=" + t.cellA().id + "&from=" + from + "&to=" + to)
                .statusCode(403);
        Api.get(organizer, Api.MEETINGS + "/compliance?organizationId=" + t.commune().id + "&from=" + to + "&to=" + from).statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Api.get(organizer, Api.MEETINGS + "/compliance?organizationId=" + t.commune().id + "&from=2020-01-01&to=2026-13-01").statusCode(400);
        Api.get(organizer, Api.MEETINGS + "/compliance?from=" + from + "&to=" + to).statusCode(400);
        Api.get(Api.memberToken(a1), Api.MEETINGS + "/compliance" + query).statusCode(403);

        // printed for the quarter so far: the figures of the JSON summary, for the period and for each of its months
        LocalDate qFrom = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        String pdfQuery = "?organizationId=" + t.commune().id + "&from=" + qFrom + "&to=" + to;
        byte[] pdf = given().header("Authorization", organizer).get(Api.MEETINGS + "/compliance/report.pdf" + pdfQuery).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        PrintedPdf printed = PrintedPdf.read(pdf, "meetings-compliance");
        var total = Api.get(organizer, Api.MEETINGS + "/compliance" + pdfQuery).statusCode(200).extract().jsonPath();
        List<String> expected = new ArrayList<>(List.of("BÁO CÁO TÌNH HÌNH CHẤP HÀNH CHẾ ĐỘ SINH HOẠT ĐẢNG",
                total.getInt("cells") + " chi bộ; " + total.getInt("cellsMissingRegular") + " chi bộ có tháng không sinh hoạt định kỳ",
                total.getInt("meetingsHeld") + " cuộc sinh hoạt đã tổ chức, trong đó " + total.getInt("meetingsBelowQuorum") + " cuộc",
                "tỉ lệ đảng viên dự sinh hoạt: " + percent(total.get("attendanceRate")),
                "Cấp ủy viên cấp trên được phân công dự 1 trên 2 cuộc (50,00 %)",
                // cell B missed every month of the quarter so far, and the quarter (cell A held this month's meetings)
                t.cellB().name + " " + String.join(", ", qFrom.datesUntil(to, java.time.Period.ofMonths(1))
                        .map(m -> String.format("%02d/%d", m.getMonthValue(), m.getYear())).toList())
                        + " Quý " + ((today.getMonthValue() - 1) / 3 + 1) + "/" + today.getYear()));
        for (LocalDate m = qFrom; !m.isAfter(to); m = m.plusMonths(1)) {
            var j = Api.get(organizer, Api.MEETINGS + "/compliance?organizationId=" + t.commune().id + "&from=" + m + "&to="
                    + m.plusMonths(1).minusDays(1)).statusCode(200).extract().jsonPath();
            expected.add(String.format("%02d/%d %d %d %d %s %s", m.getMonthValue(), m.getYear(), j.getInt("meetingsHeld"),
                    j.getInt("meetingsBelowQuorum"), j.getInt("cellsMissingRegular"), percent(j.get("attendanceRate")),
                    percent(j.get("superiorAttendanceShare"))));
        }
        expected.add("Quý " + ((today.getMonthValue() - 1) / 3 + 1) + "/" + today.getYear() + " 2 1 50,00 %");
        for (String figure : expected) {
            assertTrue(printed.contains(figure), figure + " in " + printed.text());
        }
        assertFalse(printed.contains(t.cellA().name + " " + String.format("%02d/%d", today.getMonthValue(), today.getYear())), printed.text());
        assertEquals(2, printed.charts(), "charts per month: meetings and gaps, attendance");
        given().header("Authorization", Api.as("secretary", t.cellB())).get(Api.MEETINGS + "/compliance/report.pdf?organizationId="
                + t.cellA().id + "&from=" + from + "&to=" + to).then().statusCode(403);
        given().header("Authorization", organizer).get(Api.MEETINGS + "/compliance/report.pdf?organizationId=" + t.commune().id
                + "&from=" + to + "&to=" + from).then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().header("Authorization", Api.memberToken(a1)).get(Api.MEETINGS + "/compliance/report.pdf" + query).then().statusCode(403);
    }

    /** A rate of the JSON as the printed report writes it: 0.5 as 50,00 %, none as –. */
    private static String percent(Object rate) {
        return rate == null ? "–" : new BigDecimal(rate.toString()).movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString()
                .replace('.', ',') + " %";
    }
}
