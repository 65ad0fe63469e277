package vn.grassroots.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.grassroots.gateway.e2e.PlatformIT.GATEWAY;
import static vn.grassroots.gateway.e2e.PlatformIT.bearer;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.grassroots.testing.ContractCheck;

/** The demo member finds the commune's task in the app and reports on it; nobody else may report on it. */
@ExtendWith(ContractCheck.class)
class AssignmentsFlowIT {
    static final String TASKS = GATEWAY + "/api/v1/tasks";

    @Test
    void theMemberReportsProgressOnTheirOwnTaskOnly() {
        String member = bearer("member");
        var mine = given().header("Authorization", member).get(TASKS + "/mine").then().statusCode(200)
                .body("items.title", hasItem("Rà soát các hộ sống gần rừng ở bản Cang")).extract();
        String etag = mine.header("ETag");
        String task = mine.path("items.find { it.title == 'Rà soát các hộ sống gần rừng ở bản Cang' }.id");
        given().header("Authorization", member).header("If-None-Match", etag).get(TASKS + "/mine").then().statusCode(304);

        given().header("Authorization", bearer("secretary")).contentType(ContentType.JSON)
                .body(Map.of("percent", 10, "note", "Báo cáo thay")).post(TASKS + "/" + task + "/progress")
                .then().statusCode(403).body("type", containsString("not-assignee"));
        given().header("Authorization", member).contentType(ContentType.JSON)
                .body(Map.of("percent", 40, "note", "Đã rà soát 8/20 hộ")).post(TASKS + "/" + task + "/progress")
                .then().statusCode(200);
        given().header("Authorization", member).get(TASKS + "/" + task).then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        given().header("Authorization", bearer("organizer")).get(GATEWAY + "/api/v1/assignments/coverage").then().statusCode(200);
        given().header("Authorization", bearer("secretary")).get(GATEWAY + "/api/v1/households").then().statusCode(200)
                .body("items.headName", hasItem("Lò Văn Pâng"));
        given().get(GATEWAY + "/openapi/assignments").then().statusCode(200).body(containsString("/api/v1/tasks"));
    }
}
