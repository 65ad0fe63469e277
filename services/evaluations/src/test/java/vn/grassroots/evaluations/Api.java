package vn.grassroots.evaluations;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.grassroots.testing.OrganizationFeed;
import vn.grassroots.testing.TestTokens;

/** REST helpers for the evaluations tests. */
final class Api {
    static final String ADMIN = TestTokens.admin();
    static final String BASE = "/api/v1/evaluations";
    static final String CURRENT = "b0000000-0000-4000-8000-000000002018";
    static final String BEFORE_2018 = "b0000000-0000-4000-8000-000000002017";

    private Api() {}

    static String as(String role, String orgId) {
        return TestTokens.bearer(role + "-" + orgId, orgId, role);
    }

    static String memberToken(String orgId, String memberId) {
        return "Bearer " + TestTokens.memberToken("member-" + memberId, orgId, memberId, "member");
    }

    static ValidatableResponse post(String auth, String path, Object body) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(body).when().post(BASE + path).then();
    }

    static ValidatableResponse post(String auth, String path, Object body, String ifMatch) {
        return given().header("Authorization", auth).header("If-Match", ifMatch).contentType(ContentType.JSON).body(body)
                .when().post(BASE + path).then();
    }

    static ValidatableResponse put(String auth, String path, Object body, String ifMatch) {
        var r = given().header("Authorization", auth).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return r.when().put(BASE + path).then();
    }

    static ValidatableResponse get(String auth, String path) {
        return given().header("Authorization", auth).when().get(BASE + path).then();
    }

    static String openCycle(String auth, int year, String scopeOrgId, String policyId) {
        return post(auth, "/cycles", Map.of("year", year, "scopeOrganizationId", scopeOrgId, "policyId", policyId))
                .statusCode(201).extract().path("id");
    }

    /** Points per criteria group of the current policy, adding up to {@code total} (0 to 100). */
    static Map<String, Object> scores(int total) {
        Map<String, Object> s = new LinkedHashMap<>();
        int politics = Math.min(30, total);
        int discipline = Math.min(20, total - politics);
        int duties = Math.min(40, total - politics - discipline);
        s.put("POLITICS_ETHICS", politics);
        s.put("DISCIPLINE_WORKSTYLE", discipline);
        s.put("DUTIES", duties);
        s.put("PARTY_ACTIVITIES", total - politics - discipline - duties);
        return s;
    }

    static Map<String, Object> selfAssessment(int total) {
        return Map.of("scores", scores(total), "text", "Luôn giữ gìn phẩm chất đạo đức, hoàn thành nhiệm vụ được giao.");
    }

    static String rating(String cycleId, String subject, String id) {
        return "/cycles/" + cycleId + "/" + subject + "/" + id + "/rating";
    }

    /** Self-assessment by an admin, proposal and decision by the given callers. */
    static void rate(String cycleId, String subject, String id, String proposer, String decider, String level) {
        String path = rating(cycleId, subject, id);
        Object self = "members".equals(subject) ? selfAssessment(80) : Map.of("scores", scores(80), "text", "Tổ chức đảng tự đánh giá");
        if ("organizations".equals(subject)) {
            self = Map.of("scores", Map.of("POLITICAL_IDEOLOGICAL", 18, "ORGANIZATION_CADRES", 25, "INSPECTION_SUPERVISION", 12,
                    "POLITICAL_TASKS", 30), "text", "Tổ chức đảng tự đánh giá");
        }
        post(ADMIN, path + "/self-assessment", self).statusCode(200);
        post(proposer, path + "/proposal", Map.of("level", level)).statusCode(200);
        post(decider, path + "/decision", Map.of("level", level)).statusCode(200);
    }

    /** Self-assessment by an admin, proposal by the cell's secretary, decision by the commune committee. */
    static void rate(String cycleId, Feed.Tree t, OrganizationFeed.Org cell, String memberId, String level) {
        post(ADMIN, rating(cycleId, "members", memberId) + "/self-assessment", selfAssessment(80)).statusCode(200);
        post(as("secretary", cell.id), rating(cycleId, "members", memberId) + "/proposal", Map.of("level", level)).statusCode(200);
        post(as("secretary", t.commune().id), rating(cycleId, "members", memberId) + "/decision", Map.of("level", level)).statusCode(200);
    }
}
