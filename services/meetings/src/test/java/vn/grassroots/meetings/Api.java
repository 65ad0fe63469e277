package vn.grassroots.meetings;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.grassroots.testing.OrganizationFeed;
import vn.grassroots.testing.TestTokens;

/** REST helpers for the meetings tests. */
final class Api {
    static final String ADMIN = TestTokens.admin();
    static final String MEETINGS = "/api/v1/meetings";

    private Api() {}

    static String as(String role, OrganizationFeed.Org org) {
        return TestTokens.bearer(role + "-" + org.id, org.id, role);
    }

    static String memberToken(Feed.Member m) {
        return "Bearer " + TestTokens.memberToken("member-" + m.id, m.organizationId, m.id, "member");
    }

    /** A regular in-person meeting with two agenda items, starting in a few minutes (today in Asia/Ho_Chi_Minh). */
    static Map<String, Object> meeting(OrganizationFeed.Org org, String kind) {
        return meeting(org, kind, Instant.now().plus(3, ChronoUnit.MINUTES));
    }

    static Map<String, Object> meeting(OrganizationFeed.Org org, String kind, Instant startsAt) {
        Map<String, Object> b = new HashMap<>();
        b.put("organizationId", org.id);
        b.put("kind", kind);
        b.put("format", "IN_PERSON");
        b.put("startsAt", startsAt.toString());
        b.put("place", "Nhà văn hóa bản Cang");
        b.put("topic", "Sinh hoạt chi bộ định kỳ tháng 11");
        b.put("agenda", List.of(Map.of("title", "Đánh giá kết quả tháng 10"), Map.of("title", "Phương hướng nhiệm vụ tháng 11",
                "description", "Thu hoạch lúa mùa, phòng chống cháy rừng")));
        b.put("documents", List.of(Map.of("title", "Dự thảo nghị quyết", "url", "https://vanban.example.vn/nq-11.pdf")));
        return b;
    }

    static ValidatableResponse post(String auth, String path, Object body) {
        var r = given().header("Authorization", auth).contentType(ContentType.JSON);
        if (body != null) {
            r.body(body);
        }
        return r.when().post(path).then();
    }

    static ValidatableResponse put(String auth, String path, Object body, String ifMatch) {
        var r = given().header("Authorization", auth).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return r.when().put(path).then();
    }

    static ValidatableResponse get(String auth, String path) {
        return given().header("Authorization", auth).when().get(path).then();
    }

    static String create(String auth, Map<String, Object> body) {
        return post(auth, MEETINGS, body).statusCode(201).extract().path("id");
    }

    /** Creates and publishes a meeting; returns its id. */
    static String published(String auth, OrganizationFeed.Org org, String kind) {
        String id = create(auth, meeting(org, kind));
        post(auth, MEETINGS + "/" + id + "/publish", null).statusCode(200);
        return id;
    }

    static Map<String, Object> mark(Feed.Member m, String status) {
        Map<String, Object> r = new HashMap<>();
        r.put("memberId", m.id);
        r.put("status", status);
        if ("ABSENT_EXCUSED".equals(status)) {
            r.put("reason", "Đi công tác");
        }
        return r;
    }

    static ValidatableResponse hold(String auth, String id, List<Map<String, Object>> marks, List<Map<String, Object>> guests) {
        return post(auth, MEETINGS + "/" + id + "/hold", Map.of("attendance", marks, "guests", guests));
    }

    static String etag(String auth, String id) {
        return get(auth, MEETINGS + "/" + id).statusCode(200).extract().header("ETag");
    }
}
