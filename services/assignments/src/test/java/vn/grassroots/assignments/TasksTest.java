package vn.grassroots.assignments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.KafkaEvents;
import vn.grassroots.testing.OrganizationFeed.Org;
import vn.grassroots.testing.PrintedPdf;

@QuarkusTest
class TasksTest {
    static final String PLANS = "/api/v1/plans";
    static final String TASKS = "/api/v1/tasks";
    static final String ASSIGNMENTS = "/api/v1/assignments";
    static final String TOPIC = "grassroots.assignments.tasks.v1";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    static String plan(String auth, Org org) {
        return Api.post(auth, PLANS, Map.of("organizationId", org.id, "title", "Kế hoạch thực hiện Nghị quyết Trung ương 4",
                "description", "Học tập, quán triệt và tổ chức thực hiện", "periodFrom", "2025-01-01", "periodTo", "2026-12-31"))
                .statusCode(201).header("ETag", "\"1\"").extract().path("id");
    }

    static Map<String, Object> task(String planId, String issuer, String assigneeType, String assigneeId, LocalDate due) {
        Map<String, Object> b = new HashMap<>();
        if (planId != null) {
            b.put("planId", planId);
        }
        if (issuer != null) {
            b.put("issuingOrganizationId", issuer);
        }
        b.put("title", "Rà soát hộ gia đình khó khăn");
        b.put("description", "Lập danh sách và đề xuất hỗ trợ");
        b.put("assigneeType", assigneeType);
        b.put("assigneeId", assigneeId);
        b.put("dueDate", due.toString());
        return b;
    }

    @Test
    void progressIsReportedOnlyByTheAssignee() {
        Feed.Tree t = Feed.tree("T1");
        Feed.Member assignee = Feed.member(t.cellA(), "Lò Văn Thành");
        Feed.Member other = Feed.member(t.cellA(), "Quàng Thị Lan");
        String secretary = Api.as("secretary", t.commune());
        String planId = plan(secretary, t.commune());
        String taskId = Api.post(secretary, TASKS, task(planId, null, "MEMBER", assignee.id, TODAY.plusDays(10)))
                .statusCode(201).body("state", equalTo("ASSIGNED")).body("issuingOrganizationId", equalTo(t.commune().id))
                .body("assigneeOrganizationId", equalTo(t.cellA().id)).extract().path("id");
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            var e = events.awaitType(taskId, "vn.grassroots.task.assigned").event();
            assertEquals(planId, e.path("data").path("task").path("planId").asText());
        }
        Map<String, Object> report = Map.of("percent", 40, "note", "Đã rà soát 20/50 hộ");
        // another member, and the secretary, are not the assignee
        Api.post(Api.memberToken(other), TASKS + "/" + taskId + "/progress", report)
                .statusCode(403).body("type", equalTo("https://grassroots.vn/problems/not-assignee"));
        Api.post(secretary, TASKS + "/" + taskId + "/progress", report).statusCode(403);
        Api.get(Api.memberToken(other), TASKS + "/" + taskId).statusCode(403);
        Api.post(Api.memberToken(assignee), TASKS + "/" + taskId + "/progress", Map.of("percent", 140, "note", "x"))
                .statusCode(400).body("errors[0].field", equalTo("percent"));
        Api.post(Api.memberToken(assignee), TASKS + "/" + taskId + "/progress", report)
                .statusCode(200).body("state", equalTo("IN_PROGRESS")).body("progressPercent", equalTo(40)).header("ETag", "\"2\"");
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            var e = events.awaitType(taskId, "vn.grassroots.task.progress-reported").event();
            assertEquals(40, e.path("data").path("progress").path("percent").asInt());
        }
        Api.get(Api.memberToken(assignee), TASKS + "/" + taskId + "/progress").statusCode(200)
                .body("items", hasSize(1)).body("items[0].memberId", equalTo(assignee.id));
        // the assignee completes; then nothing more
        Api.post(Api.memberToken(assignee), TASKS + "/" + taskId + "/complete", Map.of()).statusCode(200)
                .body("state", equalTo("DONE")).body("onTime", equalTo(true)).body("completedOn", equalTo(TODAY.toString()));
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            var e = events.awaitType(taskId, "vn.grassroots.task.completed").event();
            assertTrue(e.path("data").path("task").path("onTime").asBoolean());
        }
        Api.post(Api.memberToken(assignee), TASKS + "/" + taskId + "/progress", report)
                .statusCode(409).body("type", equalTo("https://grassroots.vn/problems/task-closed"));
        Api.post(secretary, TASKS + "/" + taskId + "/complete", Map.of())
                .statusCode(409).body("type", equalTo("https://grassroots.vn/problems/task-done"));
    }

    @Test
    void aCancelledTaskCannotBeCompleted() {
        Feed.Tree t = Feed.tree("T2");
        Feed.Member assignee = Feed.member(t.cellA(), "Lường Văn Tiến");
        String organizer = Api.as("organizer", t.district());
        // an organization's task: the cell's secretary is its assignee
        String taskId = Api.post(organizer, TASKS, task(null, t.district().id, "ORGANIZATION", t.cellB().id, TODAY.plusDays(3)))
                .statusCode(201).body("planId", nullValue()).body("assigneeOrganizationId", equalTo(t.cellB().id)).extract().path("id");
        Api.post(Api.as("secretary", t.cellA()), TASKS + "/" + taskId + "/progress", Map.of("percent", 10, "note", "x")).statusCode(403);
        Api.post(Api.as("secretary", t.cellB()), TASKS + "/" + taskId + "/progress", Map.of("percent", 10, "note", "Đang triển khai"))
                .statusCode(200);
        // only the issuer cancels
        Api.post(Api.as("secretary", t.cellB()), TASKS + "/" + taskId + "/cancel", Map.of("reason", "x")).statusCode(403);
        Api.post(organizer, TASKS + "/" + taskId + "/cancel", Map.of("reason", "Không còn phù hợp")).statusCode(200)
                .body("state", equalTo("CANCELLED"));
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            events.awaitType(taskId, "vn.grassroots.task.cancelled");
        }
        Api.post(organizer, TASKS + "/" + taskId + "/complete", Map.of())
                .statusCode(409).body("type", equalTo("https://grassroots.vn/problems/task-cancelled"));
        Api.post(Api.as("secretary", t.cellB()), TASKS + "/" + taskId + "/complete", Map.of()).statusCode(409);
        Api.get(organizer, TASKS + "/" + taskId).statusCode(200).body("state", equalTo("CANCELLED")).body("completedOn", nullValue());

        // refusals when assigning
        Api.post(Api.as("organizer", t.otherDistrict()), TASKS, task(null, t.district().id, "MEMBER", assignee.id, TODAY.plusDays(3)))
                .statusCode(403).body("type", equalTo("https://grassroots.vn/problems/out-of-scope"));
        Api.post(Api.as("secretary", t.cellB()), TASKS, task(null, t.cellB().id, "MEMBER", assignee.id, TODAY.plusDays(3)))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/assignee-outside-issuer"));
        Api.post(organizer, TASKS, task(null, t.district().id, "MEMBER", assignee.id, TODAY.minusDays(1)))
                .statusCode(400).body("errors[0].field", equalTo("dueDate"));
        Api.post(organizer, TASKS, task(null, null, "MEMBER", assignee.id, TODAY)).statusCode(400)
                .body("errors[0].field", equalTo("issuingOrganizationId"));
        Api.post(organizer, TASKS, task(java.util.UUID.randomUUID().toString(), null, "MEMBER", assignee.id, TODAY)).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/unknown-plan"));
        Api.post(Api.memberToken(assignee), TASKS, task(null, t.cellA().id, "MEMBER", assignee.id, TODAY)).statusCode(403);
    }

    @Test
    void myTasksForMobileAppsWithETagAndUpdatedSince() {
        Feed.Tree t = Feed.tree("T3");
        Feed.Member me = Feed.member(t.cellA(), "Lò Thị Dung");
        String organizer = Api.as("organizer", t.district());
        String t1 = Api.post(organizer, TASKS, task(null, t.district().id, "MEMBER", me.id, TODAY.plusDays(5))).statusCode(201).extract().path("id");
        String t2 = Api.post(organizer, TASKS, task(null, t.commune().id, "MEMBER", me.id, TODAY.plusDays(9))).statusCode(201).extract().path("id");
        String mine = Api.memberToken(me);
        var first = given().header("Authorization", mine).get(TASKS + "/mine").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(t1, t2))).header("ETag", notNullValue()).extract();
        String etag = first.header("ETag");
        given().header("Authorization", mine).header("If-None-Match", etag).get(TASKS + "/mine").then().statusCode(304);
        String since = first.path("items[1].updatedAt");
        Api.get(mine, TASKS + "/mine?updatedSince=" + since).statusCode(200).body("items", hasSize(0));
        Api.get(mine, TASKS + "/mine?limit=1").statusCode(200).body("items.id", equalTo(java.util.List.of(t1)))
                .body("nextCursor", notNullValue());
        // a change: the old ETag no longer matches and updatedSince returns the changed task
        Api.post(mine, TASKS + "/" + t1 + "/progress", Map.of("percent", 50, "note", "Đã làm một nửa")).statusCode(200);
        given().header("Authorization", mine).header("If-None-Match", etag).get(TASKS + "/mine").then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
        Api.get(mine, TASKS + "/mine?updatedSince=" + since).statusCode(200).body("items.id", equalTo(java.util.List.of(t1)));
        Api.get(mine, TASKS + "/mine?updatedSince=yesterday").statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        // a token without a member id has no "mine"
        Api.get(organizer, TASKS + "/mine").statusCode(403);
        // another member sees none of them
        Feed.Member other = Feed.member(t.cellA(), "Lường Văn Nam");
        Api.get(Api.memberToken(other), TASKS + "/mine").statusCode(200).body("items", hasSize(0));
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    /** Two checks at once, as two instances on one database would run them: each task is flagged and announced once. */
    @Test
    void concurrentOverdueChecksAnnounceEachTaskOnce() throws Exception {
        Feed.Tree t = Feed.tree("T9");
        String organizer = Api.as("organizer", t.district());
        String planId = plan(organizer, t.district());
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(Api.post(organizer, TASKS, task(planId, null, "ORGANIZATION", (i % 2 == 0 ? t.cellA() : t.cellB()).id,
                    TODAY.plusDays(4))).statusCode(201).extract().path("id"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return Api.post(Api.ADMIN, TASKS + "/overdue-checks?asOf=" + TODAY.plusDays(5), Map.of()).extract().statusCode();
            }));
        }
        start.countDown();
        for (var run : runs) {
            assertEquals(200, run.get());
        }
        pool.shutdown();
        for (String id : ids) {
            Api.get(organizer, TASKS + "/" + id).statusCode(200).body("overdue", equalTo(true)).body("version", equalTo(2));
        }
        Number announced = (Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT count(*) FROM outbox WHERE event_type = 'vn.grassroots.task.overdue' AND aggregate_id = ANY(cast(?1 AS varchar[]))""")
                .setParameter(1, ids.toArray(String[]::new)).getSingleResult());
        assertEquals(ids.size(), announced.intValue());
    }

    @Test
    void overdueTasksAreAnnouncedExactlyOnceAndPlansShowTheirShares() {
        Feed.Tree t = Feed.tree("T4");
        Feed.Member a = Feed.member(t.cellA(), "Quàng Văn Hải");
        String organizer = Api.as("organizer", t.district());
        String planId = plan(organizer, t.district());
        String done = Api.post(organizer, TASKS, task(planId, null, "MEMBER", a.id, TODAY.plusDays(2))).statusCode(201).extract().path("id");
        String open = Api.post(organizer, TASKS, task(planId, null, "ORGANIZATION", t.cellA().id, TODAY.plusDays(3))).statusCode(201).extract().path("id");
        String cancelled = Api.post(organizer, TASKS, task(planId, null, "ORGANIZATION", t.cellB().id, TODAY.plusDays(3))).statusCode(201).extract().path("id");
        String later = Api.post(organizer, TASKS, task(planId, null, "ORGANIZATION", t.commune().id, TODAY.plusDays(60))).statusCode(201).extract().path("id");
        Api.post(Api.memberToken(a), TASKS + "/" + done + "/complete", Map.of()).statusCode(200);
        Api.post(organizer, TASKS + "/" + cancelled + "/cancel", Map.of("reason", "Trùng nhiệm vụ")).statusCode(200);

        // only admins and integrations run the check; dates are checked
        Api.post(organizer, TASKS + "/overdue-checks", Map.of()).statusCode(403);
        Api.post(Api.ADMIN, TASKS + "/overdue-checks?asOf=someday", Map.of()).statusCode(400);
        // the check "ten days from now": the open task is overdue, the later one not, the done and cancelled ones never
        Api.post(Api.ADMIN, TASKS + "/overdue-checks?asOf=" + TODAY.plusDays(10), Map.of()).statusCode(200)
                .body("asOf", equalTo(TODAY.plusDays(10).toString()));
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            var e = events.awaitType(open, "vn.grassroots.task.overdue").event();
            assertTrue(e.path("data").path("task").path("overdue").asBoolean());
            assertEquals("ORGANIZATION", e.path("data").path("task").path("assigneeType").asText());
        }
        Api.get(organizer, TASKS + "/" + open).statusCode(200).body("overdue", equalTo(true)).body("version", equalTo(2));
        // a second run announces nothing again
        Api.post(Api.ADMIN, TASKS + "/overdue-checks?asOf=" + TODAY.plusDays(10), Map.of()).statusCode(200);
        Api.get(organizer, TASKS + "/" + open).statusCode(200).body("version", equalTo(2));
        assertEquals(1, Feed.count(TOPIC, open, "vn.grassroots.task.overdue", Duration.ofSeconds(5)));
        assertEquals(0, Feed.count(TOPIC, later, "vn.grassroots.task.overdue", Duration.ofSeconds(1)));
        assertEquals(0, Feed.count(TOPIC, done, "vn.grassroots.task.overdue", Duration.ofSeconds(1)));
        Api.get(organizer, TASKS + "?planId=" + planId + "&overdue=true").statusCode(200).body("items.id", equalTo(java.util.List.of(open)));

        // per plan: 3 tasks not cancelled; 1 done on time; 1 overdue; 1 open (not yet due)
        Api.get(organizer, PLANS + "/" + planId + "/progress").statusCode(200)
                .body("total", equalTo(3)).body("done", equalTo(1)).body("onTime", equalTo(1)).body("late", equalTo(0))
                .body("overdue", equalTo(1)).body("open", equalTo(2)).body("cancelled", equalTo(1))
                .body("shareDone", equalTo(0.3333f)).body("shareOverdue", equalTo(0.3333f));
        // time passes: the overdue task's due date now lies in the past (moved in the database, the only clock we
        // cannot set through the API), and its assignee completes it today, late
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Feed.em()
                .createNativeQuery("UPDATE task SET due_date = ?1 WHERE id = cast(?2 AS uuid)")
                .setParameter(1, TODAY.minusDays(2)).setParameter(2, open).executeUpdate());
        Api.post(Api.as("secretary", t.cellA()), TASKS + "/" + open + "/complete", Map.of()).statusCode(200)
                .body("onTime", equalTo(false));
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            var e = events.awaitType(open, "vn.grassroots.task.completed").event();
            assertEquals(false, e.path("data").path("task").path("onTime").asBoolean());
        }
        Api.get(organizer, PLANS + "/" + planId + "/progress").statusCode(200)
                .body("total", equalTo(3)).body("done", equalTo(2)).body("onTime", equalTo(1)).body("late", equalTo(1))
                .body("overdue", equalTo(0)).body("open", equalTo(1)).body("shareDone", equalTo(0.6667f))
                .body("shareLate", equalTo(0.3333f));
        Api.get(Api.as("organizer", t.otherDistrict()), PLANS + "/" + planId + "/progress").statusCode(403);
        Api.get(organizer, PLANS + "?organizationId=" + t.district().id).statusCode(200).body("items.id", hasItem(planId));
        assertNotNull(later);

        // printed: the coverage of the district and the plan's tasks, as the JSON gives them
        String query = "?organizationId=" + t.district().id + "&from=2025-01-01&to=2026-12-31";
        PrintedPdf printed = PrintedPdf.read(given().header("Authorization", organizer).get(ASSIGNMENTS + "/report.pdf" + query).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray(), "assignments-report");
        var coverage = Api.get(organizer, ASSIGNMENTS + "/coverage?organizationId=" + t.district().id).statusCode(200).extract().jsonPath();
        List<String> expected = new java.util.ArrayList<>(List.of("BÁO CÁO PHÂN CÔNG THEO DÕI VÀ THỰC HIỆN KẾ HOẠCH",
                "Kế hoạch thực hiện Nghị quyết Trung ương 4 " + t.district().name + " · 01/01/2025 – 31/12/2026 3 1 1 0 1 66,67 %"));
        for (var level : Map.of("grassroots", "Cấp tỉnh nắm đến tổ chức cơ sở đảng", "cells", "Cấp huyện nắm đến chi bộ",
                "households", "Đảng viên nắm đến hộ gia đình").entrySet()) {
            expected.add(level.getValue() + " " + coverage.getInt(level.getKey() + ".total") + " " + coverage.getInt(level.getKey() + ".covered")
                    + " " + coverage.getInt(level.getKey() + ".uncovered") + " " + new java.math.BigDecimal(coverage.getString(level.getKey() + ".share"))
                    .movePointRight(2).setScale(2).toPlainString().replace('.', ',') + " %");
        }
        for (String figure : expected) {
            assertTrue(printed.contains(figure), figure + " in " + printed.text());
        }
        assertEquals(2, printed.charts(), "charts: coverage, tasks per plan");
        PrintedPdf none = PrintedPdf.read(given().header("Authorization", organizer).get(ASSIGNMENTS + "/report.pdf?organizationId="
                + t.district().id + "&from=2030-01-01&to=2030-12-31").then().statusCode(200).extract().asByteArray(), "assignments-report-no-plans");
        assertTrue(none.contains("Không có kế hoạch nào trong kỳ."), none.text());
        given().header("Authorization", Api.as("organizer", t.otherDistrict())).get(ASSIGNMENTS + "/report.pdf" + query).then().statusCode(403);
        given().header("Authorization", organizer).get(ASSIGNMENTS + "/report.pdf?from=2026-12-31&to=2025-01-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", organizer).get(ASSIGNMENTS + "/report.pdf?from=someday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().header("Authorization", Api.memberToken(a)).get(ASSIGNMENTS + "/report.pdf" + query).then().statusCode(403);
    }
}
