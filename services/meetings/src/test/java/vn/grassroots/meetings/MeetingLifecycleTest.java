package vn.grassroots.meetings;

import static org.hamcrest.Matchers.contains;
import java.util.ArrayList;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.KafkaEvents;

/** Draft → published → held → minutes approved, cancellation, and the refusals of the state machine. */
@QuarkusTest
class MeetingLifecycleTest {
    static final String TOPIC = "grassroots.meetings.meetings.v1";
    static final String STATE_TOPIC = "grassroots.meetings.meetings-state.v1";

    @Test
    void aMeetingGoesFromDraftToApprovedMinutesAndIsThenFrozen() {
        Feed.Tree t = Feed.tree("lifecycle");
        Feed.Member a = Feed.member(t.cellA(), "Lò Văn Thắng", "OFFICIAL");
        Feed.members(a);
        String secretary = Api.as("secretary", t.cellA());
        var created = Api.post(secretary, Api.MEETINGS, Api.meeting(t.cellA(), "REGULAR")).statusCode(201)
                .header("Location", notNullValue()).header("ETag", "\"1\"")
                .body("state", equalTo("DRAFT")).body("agenda", hasSize(2)).body("documents[0].title", equalTo("Dự thảo nghị quyết"))
                .extract();
        String id = created.path("id");
        String item = created.path("agenda[0].id");

        try (KafkaEvents events = new KafkaEvents(TOPIC); KafkaEvents states = new KafkaEvents(STATE_TOPIC)) {
            events.awaitType(id, "vn.grassroots.meeting.scheduled");

            // a change of details keeps the agenda item's id when it is sent back
            Map<String, Object> changed = Api.meeting(t.cellA(), "REGULAR");
            changed.put("topic", "Sinh hoạt chi bộ tháng 11 (điều chỉnh)");
            changed.put("agenda", List.of(Map.of("id", item, "title", "Đánh giá kết quả tháng 10 (sửa)")));
            Api.put(secretary, Api.MEETINGS + "/" + id, changed, "\"1\"").statusCode(200)
                    .body("version", equalTo(2)).body("agenda[0].id", equalTo(item)).body("agenda", hasSize(1));
            Api.put(secretary, Api.MEETINGS + "/" + id, changed, "\"1\"").statusCode(412).body("type", equalTo("https://grassroots.vn/problems/stale-version"));
            Api.put(secretary, Api.MEETINGS + "/" + id, changed, null).statusCode(428);

            Api.post(secretary, Api.MEETINGS + "/" + id + "/publish", null).statusCode(200).body("state", equalTo("PUBLISHED"));
            var published = events.awaitType(id, "vn.grassroots.meeting.published").event();
            assertEquals("PUBLISHED", published.path("data").path("meeting").path("state").asText());
            assertEquals(t.cellA().id, published.path("data").path("meeting").path("organizationId").asText());
            Api.post(secretary, Api.MEETINGS + "/" + id + "/publish", null).statusCode(409);

            // minutes before the meeting is held are refused
            Map<String, Object> minutes = Map.of("minutes", "Chi bộ họp lúc 7 giờ 30, có mặt 1/1 đảng viên.",
                    "resolution", "Nghị quyết tháng 11", "criticism", "Đồng chí Thắng tự phê bình về việc chậm nộp báo cáo.",
                    "conclusions", "Hoàn thành thu hoạch trước 30/11");
            Api.put(secretary, Api.MEETINGS + "/" + id + "/minutes", minutes, Api.etag(secretary, id)).statusCode(409);

            Api.hold(secretary, id, List.of(Api.mark(a, "PRESENT")), List.of()).statusCode(200)
                    .body("state", equalTo("HELD")).body("attendance.present", equalTo(1)).body("attendance.quorumMet", equalTo(true));
            events.awaitType(id, "vn.grassroots.meeting.held");
            // details are fixed once held
            Api.put(secretary, Api.MEETINGS + "/" + id, changed, Api.etag(secretary, id)).statusCode(409)
                    .body("type", equalTo("https://grassroots.vn/problems/meeting-held"));
            Api.post(secretary, Api.MEETINGS + "/" + id + "/minutes/approve", null).statusCode(422)
                    .body("type", equalTo("https://grassroots.vn/problems/minutes-missing"));

            Api.put(secretary, Api.MEETINGS + "/" + id + "/minutes", minutes, Api.etag(secretary, id)).statusCode(200)
                    .body("minutes.criticism", equalTo("Đồng chí Thắng tự phê bình về việc chậm nộp báo cáo."));
            Api.post(secretary, Api.MEETINGS + "/" + id + "/minutes/approve", null).statusCode(200)
                    .body("state", equalTo("MINUTES_APPROVED")).body("minutes.approvedBy", notNullValue());
            events.awaitType(id, "vn.grassroots.meeting.minutes-approved");
            states.await(id, e -> "MINUTES_APPROVED".equals(e.path("data").path("state").asText()), java.time.Duration.ofSeconds(20));

            // frozen: no edit, no new minutes, no cancellation
            String etag = Api.etag(secretary, id);
            Api.put(secretary, Api.MEETINGS + "/" + id, changed, etag).statusCode(409).body("type", equalTo("https://grassroots.vn/problems/meeting-frozen"));
            Api.put(secretary, Api.MEETINGS + "/" + id + "/minutes", minutes, etag).statusCode(409)
                    .body("type", equalTo("https://grassroots.vn/problems/meeting-frozen"));
            Api.post(secretary, Api.MEETINGS + "/" + id + "/cancel", Map.of("reason", "x")).statusCode(409);
            Api.get(secretary, Api.MEETINGS + "/" + id).statusCode(200).body("minutes.minutes", equalTo(minutes.get("minutes")))
                    .body("topic", equalTo("Sinh hoạt chi bộ tháng 11 (điều chỉnh)"));
        }
        // every change is in the audit trail
        Api.get(Api.as("auditor", t.cellA()), Api.MEETINGS + "/audit?entityId=" + id).statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("meeting.scheduled", "meeting.published", "meeting.held", "meeting.minutes-approved"));
    }

    @Test
    void publishingAMeetingInThePastIsRefused() {
        Feed.Tree t = Feed.tree("past");
        String secretary = Api.as("secretary", t.cellA());
        String id = Api.create(secretary, Api.meeting(t.cellA(), "REGULAR", Instant.now().minus(1, ChronoUnit.HOURS)));
        Api.post(secretary, Api.MEETINGS + "/" + id + "/publish", null).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/meeting-in-past")).body("errors[0].field", equalTo("startsAt"));
        Api.get(secretary, Api.MEETINGS + "/" + id).statusCode(200).body("state", equalTo("DRAFT")).body("version", equalTo(1));

        // moving a published meeting into the past is refused too
        String published = Api.published(secretary, t.cellA(), "THEMATIC");
        Api.put(secretary, Api.MEETINGS + "/" + published, Api.meeting(t.cellA(), "THEMATIC", Instant.now().minus(1, ChronoUnit.DAYS)),
                Api.etag(secretary, published)).statusCode(422).body("type", equalTo("https://grassroots.vn/problems/meeting-in-past"));
        // and a draft without an agenda is not published
        Map<String, Object> empty = Api.meeting(t.cellA(), "REGULAR");
        empty.remove("agenda");
        String noAgenda = Api.create(secretary, empty);
        Api.post(secretary, Api.MEETINGS + "/" + noAgenda + "/publish", null).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/agenda-empty"));
    }

    @Test
    void aMeetingIsCancelledWithAReason() {
        Feed.Tree t = Feed.tree("cancel");
        String secretary = Api.as("secretary", t.cellB());
        String id = Api.published(secretary, t.cellB(), "EXTRAORDINARY");
        Api.post(secretary, Api.MEETINGS + "/" + id + "/cancel", Map.of("reason", " ")).statusCode(400);
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            Api.post(secretary, Api.MEETINGS + "/" + id + "/cancel", Map.of("reason", "Hoãn do mưa lũ")).statusCode(200)
                    .body("state", equalTo("CANCELLED")).body("cancelReason", equalTo("Hoãn do mưa lũ"));
            var e = events.awaitType(id, "vn.grassroots.meeting.cancelled").event();
            assertEquals("Hoãn do mưa lũ", e.path("data").path("reason").asText());
        }
        Api.post(secretary, Api.MEETINGS + "/" + id + "/cancel", Map.of("reason", "again")).statusCode(409);
        Api.put(secretary, Api.MEETINGS + "/" + id, Api.meeting(t.cellB(), "EXTRAORDINARY"), Api.etag(secretary, id)).statusCode(409)
                .body("type", equalTo("https://grassroots.vn/problems/meeting-cancelled"));
    }

    @Test
    void badInputAndCallersOutsideTheSubtreeAreRefusedAndChangeNothing() {
        Feed.Tree t = Feed.tree("refusals");
        String secretaryB = Api.as("secretary", t.cellB());
        long before = Feed.count("SELECT count(*) FROM meeting");

        Map<String, Object> online = Api.meeting(t.cellA(), "REGULAR");
        online.put("format", "ONLINE");
        Api.post(Api.ADMIN, Api.MEETINGS, online).statusCode(400).body("errors[0].field", equalTo("onlineLink"));
        Map<String, Object> badKind = Api.meeting(t.cellA(), "MONTHLY");
        Api.post(Api.ADMIN, Api.MEETINGS, badKind).statusCode(400);
        Map<String, Object> noTopic = Api.meeting(t.cellA(), "REGULAR");
        noTopic.put("topic", "");
        Api.post(Api.ADMIN, Api.MEETINGS, noTopic).statusCode(400);
        Map<String, Object> unknown = Api.meeting(t.cellA(), "REGULAR");
        unknown.put("organizationId", java.util.UUID.randomUUID().toString());
        Api.post(Api.ADMIN, Api.MEETINGS, unknown).statusCode(422).body("type", equalTo("https://grassroots.vn/problems/unknown-organization"))
                .body("errors[0].field", equalTo("organizationId")).header("Retry-After", "5");
        // another cell's secretary, and a plain member, may not schedule for cell A
        Api.post(secretaryB, Api.MEETINGS, Api.meeting(t.cellA(), "REGULAR")).statusCode(403);
        Feed.Member m = Feed.member(t.cellA(), "Quàng Thị Mai", "OFFICIAL");
        Feed.members(m);
        Api.post(Api.memberToken(m), Api.MEETINGS, Api.meeting(t.cellA(), "REGULAR")).statusCode(403);
        Api.get(Api.ADMIN, Api.MEETINGS + "?from=yesterday").statusCode(400).body("errors[0].field", equalTo("from"));
        Api.get(Api.ADMIN, Api.MEETINGS + "?limit=1000").statusCode(400);
        Api.get(Api.ADMIN, Api.MEETINGS + "/" + java.util.UUID.randomUUID()).statusCode(404);
        Api.get(Api.ADMIN, Api.MEETINGS + "/not-a-uuid").statusCode(400);
        assertEquals(before, Feed.count("SELECT count(*) FROM meeting"));

        // the district sees cell A's meeting; cell B's secretary does not
        String id = Api.create(Api.as("secretary", t.cellA()), Api.meeting(t.cellA(), "REGULAR"));
        Api.get(secretaryB, Api.MEETINGS + "/" + id).statusCode(403);
        Api.get(Api.as("organizer", t.district()), Api.MEETINGS + "?organizationId=" + t.commune().id).statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        Api.get(secretaryB, Api.MEETINGS + "?organizationId=" + t.cellA().id).statusCode(403);
        // a period is in days of Asia/Ho_Chi_Minh (the list also bounds startsAt to walk its index from the period)
        java.time.LocalDate day = java.time.LocalDate.parse(Api.get(Api.ADMIN, Api.MEETINGS + "/" + id).statusCode(200).extract().path("meetingDate"));
        String commune = Api.MEETINGS + "?organizationId=" + t.commune().id;
        Api.get(Api.ADMIN, commune + "&from=" + day + "&to=" + day).statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
        Api.get(Api.ADMIN, commune + "&from=" + day.plusDays(1)).statusCode(200).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        Api.get(Api.ADMIN, commune + "&to=" + day.minusDays(1)).statusCode(200).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        var page = Api.get(secretaryB, Api.MEETINGS).statusCode(200).extract().<List<String>>path("items.id");
        assertTrue(!page.contains(id));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOnceAndAnUnchangedReadCostsA304() {
        Feed.Tree t = Feed.tree("idempotent");
        String secretary = Api.as("secretary", t.cellA());
        Map<String, Object> body = Api.meeting(t.cellA(), "COMMITTEE");
        String key = java.util.UUID.randomUUID().toString();
        String first = io.restassured.RestAssured.given().header("Authorization", secretary).header("Idempotency-Key", key)
                .contentType(io.restassured.http.ContentType.JSON).body(body).post(Api.MEETINGS).then().statusCode(201).extract().path("id");
        String again = io.restassured.RestAssured.given().header("Authorization", secretary).header("Idempotency-Key", key)
                .contentType(io.restassured.http.ContentType.JSON).body(body).post(Api.MEETINGS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, again);
        assertEquals(1, Feed.count("SELECT count(*) FROM meeting WHERE organization_id = ?1", java.util.UUID.fromString(t.cellA().id)));
        io.restassured.RestAssured.given().header("Authorization", secretary).header("If-None-Match", "\"1\"")
                .get(Api.MEETINGS + "/" + first).then().statusCode(304);
    }

    @Test
    void listsArePagedWithACursor() {
        Feed.Tree t = Feed.tree("paging");
        String secretary = Api.as("secretary", t.cellA());
        List<String> ids = new ArrayList<>();
        for (int i = 3; i > 0; i--) { // created latest first: the list is in start order, not in creation order
            ids.add(0, Api.create(secretary, Api.meeting(t.cellA(), "REGULAR", Instant.now().plus(i, ChronoUnit.DAYS))));
        }
        var first = Api.get(secretary, Api.MEETINGS + "?limit=2").statusCode(200).body("items", hasSize(2))
                .body("items.id", contains(ids.get(0), ids.get(1))).body("items[0].kind", equalTo("REGULAR"))
                .body("items[0].state", equalTo("DRAFT")).body("items[0].organizationId", equalTo(t.cellA().id.toString()))
                .body("items[0].version", equalTo(1)).extract();
        String cursor = first.path("nextCursor");
        Api.get(secretary, Api.MEETINGS + "?limit=2&cursor=" + cursor).statusCode(200).body("items.id", contains(ids.get(2)))
                .body("nextCursor", equalTo(null));
        Api.get(secretary, Api.MEETINGS + "?cursor=bogus").statusCode(400);
        Api.get(secretary, Api.MEETINGS + "?kind=REGULAR&state=DRAFT&organizationId=" + t.cellA().id + "&includeDescendants=false")
                .statusCode(200).body("items", hasSize(3));
    }
}
