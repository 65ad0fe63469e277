package vn.grassroots.membership;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.MEMBERS;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed.Org;
import vn.grassroots.membership.events.MemberEvents;
import vn.grassroots.testing.KafkaEvents;
import vn.grassroots.testing.PrintedPdf;

/** Statistics, party badges, and what happens to members when their organization is dissolved or merged. */
@QuarkusTest
class ReportsTest {
    static final LocalDate TODAY = MembersTest.TODAY;

    @Test
    void theAdmissionTargetIsABandOfThreeToFourPercent() {
        OrgFeed.Tree t = OrgFeed.tree("admission-band");
        int y = TODAY.getYear() - 1;
        for (int i = 0; i < 30; i++) {
            Api.create(ADMIN, Api.member(t.cellA().id, "Đảng viên " + i, LocalDate.of(y - 5, 5, 1), "OFFICIAL"));
        }
        Api.create(ADMIN, Api.member(t.cellB().id, "Kết nạp năm trước", LocalDate.of(y - 1, 6, 1), "OFFICIAL"));
        Api.create(ADMIN, Api.member(t.cellB().id, "Kết nạp năm nay", LocalDate.of(y, 6, 1), "PROBATIONARY"));
        Api.create(ADMIN, Api.member(t.cellB().id, "Kết nạp năm nay 2", LocalDate.of(y, 7, 1), "PROBATIONARY"));
        Api.get(ADMIN, MEMBERS + "/statistics?organizationId=" + t.commune().id + "&fromYear=" + (y - 2) + "&toYear=" + y)
                .statusCode(200)
                // y-2: nobody admitted among 30: below
                .body("admissions[0].ratePercent", equalTo(0.0f)).body("admissions[0].targetPosition", equalTo("BELOW"))
                .body("admissions[0].targetReached", equalTo(false))
                // y-1: 1 of 30 = 3.33 %: within
                .body("admissions[1].ratePercent", equalTo(3.33f)).body("admissions[1].targetPosition", equalTo("WITHIN"))
                .body("admissions[1].targetReached", equalTo(true))
                // y: 2 of 31 = 6.45 %: above
                .body("admissions[2].ratePercent", equalTo(6.45f)).body("admissions[2].targetPosition", equalTo("ABOVE"))
                .body("admissions[2].targetReached", equalTo(false));
    }

    @Test
    void statisticsOfASubtree() {
        OrgFeed.Tree t = OrgFeed.tree("statistics");
        int y = TODAY.getYear() - 1;
        var m1 = Api.member(t.cellA().id, "Lò Văn Một", LocalDate.of(y - 10, 5, 1), "OFFICIAL");
        m1.put("birthDate", TODAY.minusYears(45).toString());
        Api.create(ADMIN, m1);
        var m2 = Api.member(t.cellB().id, "Lò Văn Hai", LocalDate.of(y - 5, 5, 1), "OFFICIAL");
        String removed = Api.create(ADMIN, m2);
        Api.post(ADMIN, MEMBERS + "/" + removed + "/status-changes", Map.of("status", "REMOVED", "reason", "bỏ sinh hoạt",
                "decision", Map.of("number", "9-QĐ/ĐU", "date", TODAY.toString()))).statusCode(200);
        var m3 = Api.member(t.group().id, "Lò Thị Ba", LocalDate.of(y, 3, 1), "PROBATIONARY");
        m3.put("birthDate", TODAY.minusYears(25).toString());
        m3.put("gender", "FEMALE");
        m3.put("ethnicity", "Mông");
        Api.create(ADMIN, m3);

        String organizer = Api.as("organizer", t.district().id);
        var stats = Api.get(organizer, MEMBERS + "/statistics?organizationId=" + t.commune().id + "&fromYear=" + (y - 10) + "&toYear=" + y)
                .statusCode(200)
                .body("members", equalTo(2))
                .body("byStatus.OFFICIAL", equalTo(1)).body("byStatus.REMOVED", equalTo(1)).body("byStatus.PROBATIONARY", equalTo(1))
                .body("byStatus.EXPELLED", equalTo(0))
                .body("byGender.MALE", equalTo(1)).body("byGender.FEMALE", equalTo(1))
                .body("byAgeBand.FROM_41_TO_50", equalTo(1)).body("byAgeBand.UNDER_30", equalTo(1)).body("byAgeBand.OVER_60", equalTo(0))
                .body("byEthnicity.'Thái'", equalTo(1)).body("byEthnicity.'Mông'", equalTo(1))
                .body("byTheoryLevel.ELEMENTARY", equalTo(2))
                .body("admissions.size()", equalTo(11))
                .body("admissions[0].year", equalTo(y - 10)).body("admissions[0].admitted", equalTo(1))
                .body("admissions[0].membersAtStart", equalTo(0)).body("admissions[0].ratePercent", nullValue())
                .body("admissions[10].year", equalTo(y)).body("admissions[10].admitted", equalTo(1))
                // at the start of the year: the first two (the second was removed only later)
                .body("admissions[10].membersAtStart", equalTo(2)).body("admissions[10].ratePercent", equalTo(50.0f))
                .body("admissions[10].targetMinPercent", equalTo(3.0f)).body("admissions[10].targetMaxPercent", equalTo(4.0f))
                // 50 % is far above the band of 3-4 %: not the target
                .body("admissions[10].targetReached", equalTo(false)).body("admissions[10].targetPosition", equalTo("ABOVE"))
                .body("admissions[0].targetReached", equalTo(false)).body("admissions[0].targetPosition", nullValue())
                .extract();
        assertEquals(1, (int) stats.path("admissions[5].membersAtStart")); // y-5: only the first was a member yet
        // one cell only
        Api.get(Api.as("secretary", t.cellB().id), MEMBERS + "/statistics").statusCode(200)
                .body("members", equalTo(0)).body("byStatus.REMOVED", equalTo(1));
        Api.get(Api.as("organizer", OrgFeed.tree("statistics-other").district().id), MEMBERS + "/statistics?organizationId=" + t.commune().id)
                .statusCode(403);
        Api.get(organizer, MEMBERS + "/statistics?fromYear=2030&toYear=2020").statusCode(400).body("errors[0].field", equalTo("fromYear"));
        Api.get(Api.memberToken(t.cellA().id, removed), MEMBERS + "/statistics").statusCode(403);

        // the same figures printed, under the glossary's names (báo cáo thống kê đảng viên)
        String query = "?organizationId=" + t.commune().id + "&fromYear=" + (y - 10) + "&toYear=" + y;
        byte[] pdf = given().header("Authorization", organizer).get(MEMBERS + "/statistics.pdf" + query).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        PrintedPdf printed = PrintedPdf.read(pdf, "membership-statistics");
        String commune = Api.get(ADMIN, MEMBERS + "/statistics" + query).statusCode(200).extract().path("organizationId");
        assertEquals(t.commune().id, commune);
        for (String figure : List.of("BÁO CÁO THỐNG KÊ ĐẢNG VIÊN", "Tổng số đảng viên: 2, trong đó 1 đảng viên dự bị, 1 đảng viên chính thức",
                "Chính thức 1 33,33 %", "Xóa tên 1 33,33 %", "Dự bị 1 33,33 %", "Khai trừ 0 0,00 %", "Tổng số 3 100,00 %",
                "Từ 41 đến 50 tuổi 1 50,00 %", "Dưới 30 tuổi 1 50,00 %", "Trên 60 tuổi 0 0,00 %", "Nam 1 50,00 %", "Nữ 1 50,00 %",
                "Thái 1 50,00 %", "Mông 1 50,00 %", "Sơ cấp 2 100,00 %",
                (y - 10) + " 1 0", y + " 1 2 50,00 % Cao hơn", (y - 4) + " 0 2 0,00 % Thấp hơn")) {
            assertTrue(printed.contains(figure), figure + " in " + printed.text());
        }
        for (String code : List.of("OFFICIAL", "PROBATIONARY", "FROM_41_TO_50", "ELEMENTARY", "FEMALE", "ABOVE", "BELOW")) {
            assertFalse(printed.contains(code), code + " in " + printed.text());
        }
        assertEquals(3, printed.charts(), "charts: age bands, theory levels, admissions against the band");
        given().header("Authorization", Api.as("organizer", OrgFeed.tree("statistics-other").district().id))
                .get(MEMBERS + "/statistics.pdf" + query).then().statusCode(403);
        given().header("Authorization", organizer).get(MEMBERS + "/statistics.pdf?fromYear=2030&toYear=2020").then().statusCode(400)
                .body("errors[0].field", equalTo("fromYear"));
        given().header("Authorization", Api.memberToken(t.cellA().id, removed)).get(MEMBERS + "/statistics.pdf").then().statusCode(403);
    }

    @Test
    void partyBadgesOfAYear() {
        OrgFeed.Tree t = OrgFeed.tree("badges");
        int y = TODAY.getYear();
        String thirty = badgeMember(t.cellA().id, "Quàng Văn Ba Mươi", LocalDate.of(y - 30, 6, 1));
        String sixtyFive = badgeMember(t.cellB().id, "Quàng Văn Sáu Lăm", LocalDate.of(y - 65, 2, 3));
        badgeMember(t.cellA().id, "Quàng Văn Ba Mốt", LocalDate.of(y - 31, 6, 1));
        String forty = badgeMember(t.cellA().id, "Quàng Văn Bốn Mươi", LocalDate.of(y - 40, 6, 1));
        Api.post(ADMIN, MEMBERS + "/" + forty + "/status-changes", Map.of("status", "DECEASED", "reason", "từ trần",
                "decision", Map.of("number", "1-TB", "date", TODAY.toString()))).statusCode(200);

        Api.get(Api.as("organizer", t.district().id), MEMBERS + "/badges?year=" + y + "&organizationId=" + t.commune().id).statusCode(200)
                .body("items.memberId", contains(thirty, sixtyFive))
                .body("items.years", contains(30, 65))
                .body("items[1].organizationName", equalTo("Chi bộ bản Sáng badges"));
        Api.get(Api.as("organizer", t.district().id), MEMBERS + "/badges?year=" + (y + 10) + "&organizationId=" + t.commune().id)
                .statusCode(200).body("items.memberId", contains(thirty, sixtyFive)).body("items.years", contains(40, 75));
        Api.get(Api.as("organizer", t.district().id), MEMBERS + "/badges?year=soon").statusCode(400).body("errors[0].field", equalTo("year"));
    }

    private static String badgeMember(String org, String name, LocalDate admitted) {
        var b = Api.member(org, name, admitted, "OFFICIAL");
        b.put("birthDate", "1938-01-01");
        return Api.create(ADMIN, b);
    }

    @Test
    void dissolvedOrMergedOrganizationsLoseNobody() {
        OrgFeed.Tree t = OrgFeed.tree("restructure");
        Org cellC = OrgFeed.org(t.commune(), "SUBORDINATE_CELL", "Chi bộ bản Hiệu restructure");
        OrgFeed.state(cellC);
        OrgFeed.awaitApplied(cellC.id, 0, cellC.path);
        String inA = Api.create(ADMIN, Api.member(t.cellA().id, "Lường Văn Ở Lại", TODAY.minusYears(3), "OFFICIAL"));
        String inB = Api.create(ADMIN, Api.member(t.cellB().id, "Lường Văn Chờ", TODAY.minusYears(3), "OFFICIAL"));
        String organizer = Api.as("organizer", t.district().id);

        // dissolved: the members stay and are listed as needing a transfer
        Org cellB = t.cellB();
        cellB.status = "DISSOLVED";
        cellB.version = 1;
        OrgFeed.event("dissolved", cellB, Map.of("decision", Map.of("number", "20-QĐ/HU", "date", "2025-05-05")));
        OrgFeed.awaitApplied(cellB.id, 1, cellB.path);
        Api.get(organizer, MEMBERS + "/needing-transfer").statusCode(200).body("items.id", hasItem(inB)).body("items.id", not(hasItem(inA)));
        Api.get(organizer, MEMBERS + "/" + inB).statusCode(200).body("organizationId", equalTo(cellB.id));

        // merged into a cell: the members move there, each with a "transferred" event
        try (KafkaEvents events = new KafkaEvents(MemberEvents.TOPIC)) {
            Org cellA = t.cellA();
            cellA.status = "MERGED";
            cellA.version = 1;
            OrgFeed.event("merged", cellA, Map.of("targetId", cellC.id, "movedChildIds", List.of(t.group().id),
                    "decision", Map.of("number", "21-QĐ/HU", "date", "2025-05-06")));
            var moved = events.awaitType(inA, MemberEvents.TRANSFERRED).event();
            assertEquals(cellA.id, moved.path("data").path("fromOrganizationId").asText());
            assertEquals(cellC.id, moved.path("data").path("toOrganizationId").asText());
            assertEquals("21-QĐ/HU", moved.path("data").path("decision").path("number").asText());
            assertEquals(cellC.id, moved.path("data").path("member").path("organizationId").asText());
        }
        Api.get(organizer, MEMBERS + "/" + inA).statusCode(200).body("organizationId", equalTo(cellC.id))
                .body("organizationName", equalTo("Chi bộ bản Hiệu restructure")).body("status", equalTo("OFFICIAL"));
        Api.get(organizer, MEMBERS + "/needing-transfer").statusCode(200).body("items.id", not(hasItem(inA)));
        Api.get(Api.as("auditor", t.province().id), MEMBERS + "/audit?entityId=" + inA).statusCode(200)
                .body("items[0].action", equalTo("member.moved-by-merge")).body("items[0].actor", equalTo("system"));
    }
}
