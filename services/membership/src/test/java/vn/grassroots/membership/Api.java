package vn.grassroots.membership;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import vn.grassroots.testing.TestTokens;

/** REST helpers for the membership tests. */
final class Api {
    static final String ADMIN = TestTokens.admin();
    static final String MEMBERS = "/api/v1/members";
    static final String CANDIDATES = "/api/v1/candidates";

    private Api() {}

    static String as(String role, String orgId) {
        return TestTokens.bearer(role + "-" + orgId, orgId, role);
    }

    static String memberToken(String orgId, String memberId) {
        return "Bearer " + TestTokens.memberToken("member-" + memberId, orgId, memberId, "member");
    }

    /** A word no other test's name holds: n letters a-z (always n; hex letters of a UUID were sometimes fewer). */
    static String randomWord(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    static Map<String, Object> member(String orgId, String name, LocalDate admitted, String status) {
        Map<String, Object> b = new HashMap<>();
        b.put("fullName", name);
        b.put("birthDate", "1985-04-12");
        b.put("gender", "MALE");
        b.put("ethnicity", "Thái");
        b.put("religion", "Không");
        b.put("citizenId", "011085001234");
        b.put("phone", "0912 345 678");
        b.put("email", "thang@example.vn");
        b.put("homeTown", "Quài Cang, Tuần Giáo, Điện Biên");
        b.put("educationLevel", "12/12");
        b.put("theoryLevel", "ELEMENTARY");
        b.put("occupation", "Nông dân");
        b.put("admissionDate", admitted.toString());
        if (!"PROBATIONARY".equals(status)) {
            b.put("officialDate", admitted.plusYears(1).toString());
        }
        b.put("organizationId", orgId);
        b.put("status", status);
        return b;
    }

    static ValidatableResponse post(String auth, String path, Object body) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    static ValidatableResponse get(String auth, String path) {
        return given().header("Authorization", auth).when().get(path).then();
    }

    static String create(String auth, Map<String, Object> body) {
        return post(auth, MEMBERS, body).statusCode(201).extract().path("id");
    }
}
