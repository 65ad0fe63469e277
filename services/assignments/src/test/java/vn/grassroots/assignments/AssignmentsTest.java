package vn.grassroots.assignments;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.KafkaEvents;
import vn.grassroots.testing.OrganizationFeed.Org;

@QuarkusTest
class AssignmentsTest {
    static final String ASSIGNMENTS = "/api/v1/assignments";
    static final String TOPIC = "grassroots.assignments.assignments.v1";

    static Map<String, Object> assignment(Feed.Member person, String targetType, String targetId, String role, Org deciding) {
        Map<String, Object> b = new HashMap<>();
        b.put("personId", person.id);
        b.put("targetType", targetType);
        b.put("targetId", targetId);
        b.put("role", role);
        b.put("decidingOrganizationId", deciding.id);
        b.put("validFrom", "2025-01-01");
        b.put("decision", Map.of("number", "125-QĐ/HU", "date", "2024-12-20"));
        b.put("note", "Theo dõi địa bàn bản Cang");
        return b;
    }

    static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Feed.em().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @Test
    void createsAnAssignmentAndPublishesIt() {
        Feed.Tree t = Feed.tree("A1");
        Feed.Member person = Feed.member(t.district(), "Lò Văn Thắng");
        String organizer = Api.as("organizer", t.district());
        String id = Api.post(organizer, ASSIGNMENTS, assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district()))
                .statusCode(201)
                .header("Location", containsString("/api/v1/assignments/"))
                .header("ETag", "\"1\"")
                .body("status", equalTo("ACTIVE"))
                .body("level", equalTo("DISTRICT"))
                .body("organizationId", equalTo(t.cellA().id))
                .body("decision.number", equalTo("125-QĐ/HU"))
                .extract().path("id");
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            var e = events.awaitType(id, "vn.grassroots.assignment.created").event();
            assertEquals(person.id, e.path("data").path("assignment").path("personId").asText());
            assertEquals("FOLLOWS", e.path("data").path("assignment").path("role").asText());
            assertEquals("/grassroots/assignments", e.path("source").asText());
        }
        try (KafkaEvents state = new KafkaEvents("grassroots.assignments.assignments-state.v1")) {
            state.awaitType(id, "vn.grassroots.assignment.state");
        }
        Api.get(organizer, ASSIGNMENTS + "/" + id).statusCode(200).body("targetId", equalTo(t.cellA().id));
        Api.get(organizer, ASSIGNMENTS + "?personId=" + person.id).statusCode(200).body("items.id", hasItem(id));
        Api.get(organizer, ASSIGNMENTS + "?organizationId=" + t.cellB().id).statusCode(200).body("items.id", not(hasItem(id)));
        // the organizer of another district neither sees nor lists it
        String other = Api.as("organizer", t.otherDistrict());
        Api.get(other, ASSIGNMENTS + "/" + id).statusCode(403);
        Api.get(other, ASSIGNMENTS + "?personId=" + person.id).statusCode(200).body("items", hasSize(0));
        // same person, target and role again: 409
        Api.post(organizer, ASSIGNMENTS, assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district()))
                .statusCode(409).body("type", equalTo("https://grassroots.vn/problems/duplicate-assignment"));
    }

    @Test
    void refusesATargetOutsideTheCallersSubtree() {
        Feed.Tree t = Feed.tree("A2");
        Feed.Member person = Feed.member(t.district(), "Quàng Văn Minh");
        String organizer = Api.as("organizer", t.district());
        long before = count("SELECT count(*) FROM assignment WHERE person_id = cast(?1 AS uuid)", person.id);
        Api.post(organizer, ASSIGNMENTS, assignment(person, "ORGANIZATION", t.school().id, "FOLLOWS", t.district()))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grassroots.vn/problems/out-of-scope"));
        // a deciding committee outside the caller's subtree (the province) is refused too
        Api.post(organizer, ASSIGNMENTS, assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.province()))
                .statusCode(403).body("type", equalTo("https://grassroots.vn/problems/out-of-scope"));
        // a secretary of cell B cannot assign in cell A
        Api.post(Api.as("secretary", t.cellB()), ASSIGNMENTS, assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.cellB()))
                .statusCode(403);
        // members do not assign
        Api.post(Api.memberToken(person), ASSIGNMENTS, assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district()))
                .statusCode(403);
        assertEquals(before, count("SELECT count(*) FROM assignment WHERE person_id = cast(?1 AS uuid)", person.id));
    }

    @Test
    void refusesUnknownOrInactivePersonsAndBadInput() {
        Feed.Tree t = Feed.tree("A3");
        String organizer = Api.as("organizer", t.district());
        Feed.Member unknown = new Feed.Member();
        Api.post(organizer, ASSIGNMENTS, assignment(unknown, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district()))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/unknown-member"))
                .body("errors[0].field", equalTo("personId"));
        Feed.Member exempt = Feed.member(t.cellA(), "Lường Thị Hoa");
        exempt.status = "EXEMPT";
        exempt.version = 2;
        Feed.memberEvent("status-changed", exempt, Map.of("fromStatus", "OFFICIAL", "toStatus", "EXEMPT"));
        Feed.awaitMember(exempt.id, 2, "EXEMPT");
        Api.post(organizer, ASSIGNMENTS, assignment(exempt, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district()))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/inactive-member"));

        Feed.Member person = Feed.member(t.cellA(), "Tòng Văn Sơn");
        // the deciding committee must be above the target
        Api.post(organizer, ASSIGNMENTS, assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.cellB()))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/deciding-organization-not-above"));
        // monthly meetings are attended in a cell
        Api.post(organizer, ASSIGNMENTS, assignment(person, "ORGANIZATION", t.commune().id, "ATTENDS_MEETINGS", t.district()))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/invalid-role"));
        // bean validation, enum and date problems are 400 with the field
        Map<String, Object> bad = assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district());
        bad.remove("validFrom");
        Api.post(organizer, ASSIGNMENTS, bad).statusCode(400).body("errors.field", hasItem("validFrom"));
        bad = assignment(person, "ORGANIZATION", t.cellA().id, "WATCHES", t.district());
        Api.post(organizer, ASSIGNMENTS, bad).statusCode(400).body("errors[0].field", equalTo("role"));
        bad = assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district());
        bad.put("validTo", "2024-01-01");
        Api.post(organizer, ASSIGNMENTS, bad).statusCode(400).body("errors[0].field", equalTo("validTo"));
        Api.get(organizer, ASSIGNMENTS + "?status=SOMETIMES").statusCode(400);
        Api.get(organizer, ASSIGNMENTS + "?cursor=garbage").statusCode(400);
        Api.get(organizer, ASSIGNMENTS + "/not-a-uuid").statusCode(400);
        assertEquals(0, count("SELECT count(*) FROM assignment WHERE person_id = cast(?1 AS uuid)", person.id));
    }

    @Test
    void endsExplicitlyWithAReason() {
        Feed.Tree t = Feed.tree("A4");
        Feed.Member person = Feed.member(t.cellA(), "Lò Thị Mai");
        String secretary = Api.as("secretary", t.commune());
        String id = Api.post(secretary, ASSIGNMENTS, assignment(person, "ORGANIZATION", t.cellB().id, "IN_CHARGE", t.commune()))
                .statusCode(201).body("level", equalTo("GRASSROOTS")).extract().path("id");
        Api.post(secretary, ASSIGNMENTS + "/" + id + "/end", Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        io.restassured.RestAssured.given().header("Authorization", secretary).header("If-Match", "\"7\"")
                .contentType("application/json").body(Map.of("reason", "Điều động công tác khác"))
                .post(ASSIGNMENTS + "/" + id + "/end").then().statusCode(412);
        Api.post(secretary, ASSIGNMENTS + "/" + id + "/end", Map.of("reason", "Điều động công tác khác", "endedOn", "2025-06-30"))
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("ENDED"))
                .body("endReason", equalTo("Điều động công tác khác"))
                .body("endedOn", equalTo("2025-06-30"));
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            var e = events.awaitType(id, "vn.grassroots.assignment.ended").event();
            assertEquals("Điều động công tác khác", e.path("data").path("assignment").path("endReason").asText());
        }
        Api.post(secretary, ASSIGNMENTS + "/" + id + "/end", Map.of("reason", "again"))
                .statusCode(409).body("type", equalTo("https://grassroots.vn/problems/assignment-ended"));
        Api.get(secretary, ASSIGNMENTS + "?status=ENDED&personId=" + person.id).statusCode(200).body("items.id", hasItem(id));
        Api.get(Api.ADMIN, ASSIGNMENTS + "/" + id).statusCode(200).body("validTo", nullValue());
        // who did what is in the audit trail, for auditors of the subtree
        Api.get(Api.as("auditor", t.commune()), ASSIGNMENTS + "/audit?entityId=" + id).statusCode(200)
                .body("items.action", hasItem("assignment.ended")).body("items.action", hasItem("assignment.created"));
        Api.get(Api.as("auditor", t.otherDistrict()), ASSIGNMENTS + "/audit?entityId=" + id).statusCode(200).body("items", hasSize(0));
        Api.get(secretary, ASSIGNMENTS + "/audit").statusCode(403);
    }

    @Test
    void endsAutomaticallyWhenThePersonLeavesOrTheOrganizationIsDissolved() {
        Feed.Tree t = Feed.tree("A5");
        String organizer = Api.as("organizer", t.district());
        Feed.Member leaving = Feed.member(t.cellA(), "Quàng Văn Dũng");
        Feed.Member staying = Feed.member(t.cellA(), "Lường Văn Hùng");
        String a1 = Api.post(organizer, ASSIGNMENTS, assignment(leaving, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district()))
                .statusCode(201).extract().path("id");
        String a2 = Api.post(organizer, ASSIGNMENTS, assignment(staying, "ORGANIZATION", t.cellB().id, "FOLLOWS", t.district()))
                .statusCode(201).extract().path("id");

        leaving.status = "EXPELLED";
        leaving.version = 2;
        Feed.memberEvent("status-changed", leaving, Map.of("fromStatus", "OFFICIAL", "toStatus", "EXPELLED", "reason", "Kỷ luật khai trừ"));
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            var e = events.awaitType(a1, "vn.grassroots.assignment.ended").event();
            assertEquals("MEMBER_EXPELLED", e.path("data").path("assignment").path("endReason").asText());
        }
        Api.get(organizer, ASSIGNMENTS + "/" + a1).statusCode(200).body("status", equalTo("ENDED"))
                .body("endReason", equalTo("MEMBER_EXPELLED"));
        Api.get(organizer, ASSIGNMENTS + "/" + a2).statusCode(200).body("status", equalTo("ACTIVE"));
        // the same event again changes nothing
        Feed.memberEvent("status-changed", leaving, Map.of("fromStatus", "OFFICIAL", "toStatus", "EXPELLED"));

        t.cellB().status = "DISSOLVED";
        t.cellB().version = 1;
        Feed.orgEvent("dissolved", t.cellB(), Map.of());
        try (KafkaEvents events = new KafkaEvents(TOPIC)) {
            var e = events.awaitType(a2, "vn.grassroots.assignment.ended").event();
            assertEquals("ORGANIZATION_DISSOLVED", e.path("data").path("assignment").path("endReason").asText());
        }
        Api.get(organizer, ASSIGNMENTS + "/" + a2).statusCode(200).body("status", equalTo("ENDED"))
                .body("endReason", equalTo("ORGANIZATION_DISSOLVED")).body("version", equalTo(2));
        Api.get(organizer, ASSIGNMENTS + "/" + a1).statusCode(200).body("version", equalTo(2));
        // a dissolved organization takes no new assignments
        Api.post(organizer, ASSIGNMENTS, assignment(staying, "ORGANIZATION", t.cellB().id, "IN_CHARGE", t.district()))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/inactive-organization"));
    }
}
