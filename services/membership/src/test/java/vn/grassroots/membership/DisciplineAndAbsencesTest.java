package vn.grassroots.membership;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.MEMBERS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.grassroots.membership.events.MemberEvents;
import vn.grassroots.testing.KafkaEvents;

/**
 * Discipline (kỷ luật) with its event; training raising the theory level; temporary hosts in member events; and the
 * unexcused absences the meetings service reports, which flag a member at the third month of a year.
 */
@QuarkusTest
class DisciplineAndAbsencesTest {
    static final LocalDate TODAY = MembersTest.TODAY;
    static final String MEETINGS_TOPIC = "grassroots.meetings.meetings.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Object> discipline(String form, LocalDate date) {
        return Map.of("form", form, "reason", "Vi phạm quy định về những điều đảng viên không được làm",
                "authority", "Ủy ban Kiểm tra Huyện ủy Tuần Giáo", "decision", Map.of("number", "12-QĐ/UBKT", "date", date.toString()));
    }

    @Test
    void disciplinesAreRecordedWithTheirEventAndExpulsionIsAStatusChange() {
        OrgFeed.Tree t = OrgFeed.tree("discipline");
        String id = Api.create(ADMIN, Api.member(t.cellA().id, "Lường Văn Kỷ", TODAY.minusYears(6), "OFFICIAL"));
        String other = Api.create(ADMIN, Api.member(t.cellA().id, "Quàng Thị Khác", TODAY.minusYears(6), "OFFICIAL"));
        String organizer = Api.as("organizer", t.district().id);
        String path = MEMBERS + "/" + id + "/disciplines";

        Api.post(Api.as("secretary", t.cellA().id), path, discipline("WARNING", TODAY)).statusCode(403);
        Api.post(Api.as("organizer", OrgFeed.tree("discipline-elsewhere").district().id), path, discipline("WARNING", TODAY)).statusCode(403);
        Api.post(organizer, path, discipline("EXPULSION", TODAY)).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/expulsion-is-a-status-change")).body("errors[0].field", equalTo("form"));
        Api.post(organizer, path, discipline("SCOLDING", TODAY)).statusCode(400).body("errors[0].field", equalTo("form"));
        Api.post(organizer, path, discipline("WARNING", TODAY.plusDays(1))).statusCode(400).body("errors[0].field", equalTo("decision.date"));
        Api.post(organizer, path, discipline("WARNING", TODAY.minusYears(7))).statusCode(422).body("errors[0].field", equalTo("decision.date"));
        Api.post(organizer, path, Map.of("form", "WARNING")).statusCode(400);
        Api.get(organizer, path).statusCode(200).body("$", empty());

        try (KafkaEvents events = new KafkaEvents(MemberEvents.TOPIC)) {
            Api.post(organizer, path, discipline("WARNING", TODAY.minusDays(3))).statusCode(201)
                    .body("form", equalTo("WARNING")).body("decisionNumber", equalTo("12-QĐ/UBKT"))
                    .body("recordedBy", equalTo("organizer-" + t.district().id));
            var e = events.awaitType(id, MemberEvents.DISCIPLINED).event().path("data");
            assertEquals("WARNING", e.path("discipline").path("form").asText());
            assertEquals(TODAY.minusDays(3).toString(), e.path("discipline").path("decidedOn").asText());
            assertEquals("OFFICIAL", e.path("member").path("status").asText());

            // expulsion (khai trừ) = the status change, recorded as a discipline as well
            Api.post(organizer, MEMBERS + "/" + id + "/status-changes", Map.of("status", "EXPELLED", "reason", "Vi phạm nghiêm trọng",
                    "decision", Map.of("number", "20-QĐ/HU", "date", TODAY.toString()))).statusCode(200);
            var x = events.await(id, ev -> MemberEvents.DISCIPLINED.equals(ev.path("type").asText())
                    && "EXPULSION".equals(ev.path("data").path("discipline").path("form").asText()), Duration.ofSeconds(30)).event();
            assertEquals("EXPELLED", x.path("data").path("member").path("status").asText());
        }
        Api.get(organizer, path).statusCode(200).body("form", contains("WARNING", "EXPULSION"));
        Api.get(Api.memberToken(t.cellA().id, id), path).statusCode(200).body("$", hasSize(2));
        Api.get(Api.memberToken(t.cellA().id, other), path).statusCode(403);
        Api.post(organizer, path, discipline("REPRIMAND", TODAY)).statusCode(409)
                .body("type", equalTo("https://grassroots.vn/problems/member-not-active"));
    }

    @Test
    void aCompletedTheoryCourseRaisesTheLevelAndNeverLowersIt() {
        OrgFeed.Tree t = OrgFeed.tree("theory");
        String id = Api.create(ADMIN, Api.member(t.cellA().id, "Cầm Văn Học", TODAY.minusYears(3), "OFFICIAL")); // ELEMENTARY
        String secretary = Api.as("secretary", t.cellA().id);
        String path = MEMBERS + "/" + id + "/training";
        Map<String, Object> ongoing = Map.of("kind", "POLITICAL_THEORY", "level", "ADVANCED", "institution", "Học viện Chính trị khu vực I",
                "startedOn", TODAY.minusMonths(2).toString());
        Api.post(secretary, path, ongoing).statusCode(201);
        Api.get(secretary, MEMBERS + "/" + id).statusCode(200).body("theoryLevel", equalTo("ELEMENTARY"));

        try (KafkaEvents events = new KafkaEvents(MemberEvents.TOPIC)) {
            Api.post(secretary, path, Map.of("kind", "POLITICAL_THEORY", "level", "INTERMEDIATE", "institution", "Trường Chính trị tỉnh Điện Biên",
                    "startedOn", TODAY.minusYears(1).toString(), "completedOn", TODAY.minusDays(1).toString())).statusCode(201);
            var e = events.awaitType(id, MemberEvents.PROFILE_CHANGED).event();
            assertEquals("INTERMEDIATE", e.path("data").path("member").path("theoryLevel").asText());
        }
        Api.get(secretary, MEMBERS + "/" + id).statusCode(200).body("theoryLevel", equalTo("INTERMEDIATE")).body("version", equalTo(1));
        // an older elementary course, and a defence-security course, change nothing
        Api.post(secretary, path, Map.of("kind", "POLITICAL_THEORY", "level", "ELEMENTARY", "institution", "Trung tâm Chính trị huyện",
                "startedOn", TODAY.minusYears(5).toString(), "completedOn", TODAY.minusYears(5).plusMonths(2).toString())).statusCode(201);
        Api.post(secretary, path, Map.of("kind", "DEFENCE_SECURITY", "level", "Đối tượng 4", "institution", "Bộ CHQS tỉnh",
                "startedOn", TODAY.minusMonths(1).toString(), "completedOn", TODAY.toString())).statusCode(201);
        Api.get(secretary, MEMBERS + "/" + id).statusCode(200).body("theoryLevel", equalTo("INTERMEDIATE")).body("version", equalTo(1));
        Api.get(secretary, path).statusCode(200).body("$", hasSize(4));
    }

    @Test
    void anAcceptedTemporaryTransferShowsTheHostInMemberEvents() {
        OrgFeed.Tree t = OrgFeed.tree("host");
        String id = Api.create(ADMIN, Api.member(t.cellA().id, "Lò Thị Tạm Trú", TODAY.minusYears(4), "OFFICIAL"));
        String organizer = Api.as("organizer", t.district().id);
        LocalDate until = TODAY.plusMonths(3);
        String tid = Api.post(organizer, TransfersTest.TRANSFERS, TransfersTest.transfer(id, "TEMPORARY", t.cellB().id, TODAY, until))
                .statusCode(201).extract().path("id");
        try (KafkaEvents events = new KafkaEvents(MemberEvents.TOPIC)) {
            Api.post(Api.as("secretary", t.cellB().id), TransfersTest.TRANSFERS + "/" + tid + "/accept", Map.of("acceptedOn", TODAY.toString()))
                    .statusCode(200);
            var data = events.awaitType(id, MemberEvents.TRANSFERRED).event().path("data");
            assertEquals("TEMPORARY", data.path("kind").asText());
            assertEquals(t.cellA().id, data.path("member").path("organizationId").asText());
            assertEquals(t.cellB().id, data.path("member").path("temporaryHosts").path(0).path("organizationId").asText());
            assertEquals(until.toString(), data.path("member").path("temporaryHosts").path(0).path("until").asText());
        }
    }

    /** An absence event as the meetings service publishes it. */
    static ObjectNode absence(String memberId, String meetingId, String orgId, LocalDate date) {
        ObjectNode meeting = JSON.createObjectNode();
        meeting.put("id", meetingId);
        meeting.put("organizationId", orgId);
        meeting.put("kind", "REGULAR");
        meeting.put("format", "IN_PERSON");
        meeting.put("startsAt", date + "T12:00:00Z");
        meeting.put("meetingDate", date.toString());
        meeting.put("topic", "Sinh hoạt chi bộ định kỳ tháng " + date.getMonthValue());
        meeting.put("state", "HELD");
        meeting.put("version", 3);
        meeting.put("updatedAt", date + "T14:00:00Z");
        ObjectNode data = JSON.createObjectNode();
        data.set("meeting", meeting);
        data.put("memberId", memberId);
        data.put("month", date.toString().substring(0, 7));
        ObjectNode e = OrgFeed.envelope("vn.grassroots.meeting.absence-unexcused", meetingId, data);
        e.put("source", "/grassroots/meetings");
        return e;
    }

    static void send(ObjectNode event) {
        OrgFeed.send(MEETINGS_TOPIC, event.path("subject").asText(), event); // checked against the meetings contract
    }

    @Test
    void unexcusedAbsencesInThreeMonthsOfAYearFlagTheMemberWithTheEvidence() {
        OrgFeed.Tree t = OrgFeed.tree("absences");
        String cell = t.cellA().id;
        String id = Api.create(ADMIN, Api.member(cell, "Lò Văn Vắng", TODAY.minusYears(5), "OFFICIAL"));
        String bystander = Api.create(ADMIN, Api.member(cell, "Quàng Văn Đủ", TODAY.minusYears(5), "OFFICIAL"));
        String secretary = Api.as("secretary", cell);
        int year = 2025; // a past year, so that nothing else of this run counts in it
        String reviews = MEMBERS + "/removal-reviews?year=" + year;

        // January twice (two meetings), February, one absence of another year, a redelivery, and garbage: not yet three months
        ObjectNode jan = absence(id, UUID.randomUUID().toString(), cell, LocalDate.of(year, 1, 10));
        send(jan);
        send(jan);
        send(absence(id, UUID.randomUUID().toString(), cell, LocalDate.of(year, 1, 28)));
        send(absence(id, UUID.randomUUID().toString(), cell, LocalDate.of(year, 2, 11)));
        send(absence(id, UUID.randomUUID().toString(), cell, LocalDate.of(year - 1, 12, 9)));
        send(absence(bystander, UUID.randomUUID().toString(), cell, LocalDate.of(year, 3, 9)));
        OrgFeed.sendRaw(MEETINGS_TOPIC, "x", "{not json");
        ObjectNode noMonth = absence(id, UUID.randomUUID().toString(), cell, LocalDate.of(year, 4, 9));
        ((ObjectNode) noMonth.path("data")).put("month", "2025-13");
        // breaks the meetings contract on purpose (the consumer must skip it): sent unchecked
        OrgFeed.sendRaw(MEETINGS_TOPIC, noMonth.path("subject").asText(), noMonth.toString());
        awaitTrue(() -> Api.get(secretary, MEMBERS + "/" + id + "/unexcused-absences").extract().jsonPath().getList("$").size() == 4,
                "four absences of the member are recorded");
        Api.get(secretary, reviews).statusCode(200).body("items.memberId", not(hasItem(id)));

        // March: the third month of the year
        send(absence(id, UUID.randomUUID().toString(), cell, LocalDate.of(year, 3, 12)));
        awaitTrue(() -> Api.get(secretary, reviews).extract().jsonPath().getList("items.memberId").contains(id), "the member is flagged");
        Api.get(secretary, reviews).statusCode(200).body("items", hasSize(1))
                .body("items[0].fullName", equalTo("Lò Văn Vắng")).body("items[0].year", equalTo(year))
                .body("items[0].months", contains(year + "-01", year + "-02", year + "-03"))
                .body("items[0].absences", hasSize(4)).body("items[0].organizationName", equalTo("Chi bộ bản Cang absences"));
        Api.get(Api.as("organizer", t.district().id), reviews + "&organizationId=" + t.cellA().id).statusCode(200).body("items", hasSize(1));
        Api.get(Api.as("secretary", t.cellB().id), reviews).statusCode(200).body("items", empty());
        Api.get(Api.as("secretary", OrgFeed.tree("absences-elsewhere").cellA().id), reviews + "&organizationId=" + cell).statusCode(403);
        Api.get(secretary, MEMBERS + "/removal-reviews?year=soon").statusCode(400).body("errors[0].field", equalTo("year"));
        Api.get(Api.memberToken(cell, id), reviews).statusCode(403);
        Api.get(Api.memberToken(cell, id), MEMBERS + "/" + id + "/unexcused-absences").statusCode(200).body("$", hasSize(5));
        Api.get(Api.memberToken(cell, bystander), MEMBERS + "/" + id + "/unexcused-absences").statusCode(403);

        // removed from the list: no longer to be considered
        Api.post(ADMIN, MEMBERS + "/" + id + "/status-changes", Map.of("status", "REMOVED", "reason", "Bỏ sinh hoạt ba tháng không có lý do",
                "decision", Map.of("number", "31-QĐ/ĐU", "date", TODAY.toString()))).statusCode(200);
        Api.get(secretary, reviews).statusCode(200).body("items", empty());
    }

    static void awaitTrue(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out waiting until " + what);
    }
}
