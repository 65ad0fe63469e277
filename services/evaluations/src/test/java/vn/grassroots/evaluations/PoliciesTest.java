package vn.grassroots.evaluations;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Policies are data: the two built-in ones, and custom ones through the API. */
@QuarkusTest
class PoliciesTest {

    @Test
    void theCurrentPolicyHasTheBandsTheQuotaAndTheCapWithTheirSources() {
        Api.get(Api.ADMIN, "/policies/" + Api.CURRENT).statusCode(200)
                .body("code", equalTo("CURRENT-2018"))
                .body("fromYear", equalTo(2018))
                .body("toYear", nullValue())
                .body("builtIn", equalTo(true))
                .body("rules.memberLevels.code", equalTo(List.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED")))
                .body("rules.memberLevels.minScore", equalTo(List.of(90, 70, 50, 0)))
                .body("rules.memberLevels[0].name", equalTo("Hoàn thành xuất sắc nhiệm vụ"))
                .body("rules.memberCriteria.maxPoints.sum()", equalTo(100))
                .body("rules.organizationCriteria.maxPoints.sum()", equalTo(100))
                .body("rules.quotas[0].level", equalTo("EXCELLENT"))
                .body("rules.quotas[0].relativeTo", equalTo("GOOD"))
                .body("rules.quotas[0].maxPercent", equalTo(20))
                .body("rules.quotas[0].within", equalTo("ORGANIZATION"))
                .body("rules.quotas[0].source", containsString("132-QĐ/TW"))
                .body("rules.caps[0].condition", equalTo("DISCIPLINED_IN_YEAR"))
                .body("rules.caps[0].maxLevel", equalTo("COMPLETED"))
                .body("rules.caps[0].source", containsString("132-QĐ/TW"));
    }

    @Test
    void thePolicyBefore2018HasItsOwnOrganizationLevels() {
        Api.get(Api.ADMIN, "/policies/" + Api.BEFORE_2018).statusCode(200)
                .body("toYear", equalTo(2017))
                .body("rules.organizationLevels.code", equalTo(List.of("CLEAN_AND_STRONG", "COMPLETED_WELL", "COMPLETED", "WEAK")))
                .body("rules.organizationLevels[0].name", equalTo("Trong sạch, vững mạnh"))
                .body("rules.memberLevels.code", equalTo(List.of("EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED")));
        Api.get(Api.as("member", UUID.randomUUID().toString()), "/policies").statusCode(200)
                .body("items.code", hasItems("CURRENT-2018", "BEFORE-2018"));
    }

    static Map<String, Object> custom(String code, String quotaLevel) {
        return Map.of("code", code, "name", "Hướng dẫn của Tỉnh ủy Điện Biên", "source", "Hướng dẫn 05-HD/TU",
                "fromYear", 2024, "rules", Map.of(
                        "memberLevels", List.of(
                                Map.of("code", "EXCELLENT", "name", "Hoàn thành xuất sắc nhiệm vụ", "rank", 1, "minScore", 95),
                                Map.of("code", "GOOD", "name", "Hoàn thành tốt nhiệm vụ", "rank", 2, "minScore", 75),
                                Map.of("code", "COMPLETED", "name", "Hoàn thành nhiệm vụ", "rank", 3, "minScore", 50),
                                Map.of("code", "NOT_COMPLETED", "name", "Không hoàn thành nhiệm vụ", "rank", 4, "minScore", 0)),
                        "organizationLevels", List.of(
                                Map.of("code", "EXCELLENT", "name", "Hoàn thành xuất sắc nhiệm vụ", "rank", 1),
                                Map.of("code", "GOOD", "name", "Hoàn thành tốt nhiệm vụ", "rank", 2)),
                        "memberCriteria", List.of(Map.of("code", "ALL", "name", "Toàn diện", "maxPoints", 100)),
                        "organizationCriteria", List.of(),
                        "quotas", List.of(Map.of("code", "EXCELLENT_AT_MOST_10_PERCENT", "subject", "MEMBER", "level", quotaLevel,
                                "relativeTo", "GOOD", "maxPercent", 10, "within", "ORGANIZATION",
                                "description", "Không quá 10%", "source", "Hướng dẫn 05-HD/TU")),
                        "caps", List.of()));
    }

    @Test
    void aCustomPolicyIsCreatedOnceAndChecked() {
        String code = "DB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = Api.post(Api.ADMIN, "/policies", custom(code, "EXCELLENT")).statusCode(201)
                .body("builtIn", equalTo(false)).body("rules.quotas[0].maxPercent", equalTo(10)).extract().path("id");
        Api.get(Api.ADMIN, "/policies/" + id).statusCode(200).body("code", equalTo(code));
        // never edited: the same code again is refused
        Api.post(Api.ADMIN, "/policies", custom(code, "EXCELLENT")).statusCode(409).body("type", containsString("policy-code-taken"));
        // a quota naming a level the policy does not have
        Api.post(Api.ADMIN, "/policies", custom(code + "X", "OUTSTANDING")).statusCode(400)
                .body("errors[0].field", equalTo("rules.quotas"));
        // field constraints: a level without name
        Api.post(Api.ADMIN, "/policies", Map.of("code", code + "Y", "name", "x", "fromYear", 2024, "rules",
                Map.of("memberLevels", List.of(Map.of("code", "A", "rank", 1)), "organizationLevels", List.of(),
                        "memberCriteria", List.of(), "organizationCriteria", List.of(), "quotas", List.of(), "caps", List.of())))
                .statusCode(400).body("type", containsString("validation"));
        // only admins and organizers write policies
        Api.post(Api.as("secretary", UUID.randomUUID().toString()), "/policies", custom(code + "Z", "EXCELLENT")).statusCode(403);
    }
}
