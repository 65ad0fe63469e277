package vn.grassroots.assignments;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadModelTest {
    static final String ASSIGNMENTS = "/api/v1/assignments";

    static String pathOf(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Feed.em()
                .createNativeQuery("SELECT path FROM org_ref WHERE id = cast(?1 AS uuid)").setParameter(1, id)
                .getResultStream().findFirst().orElse(null));
    }

    @Test
    void aMoveRewritesTheSubtreeAndTheScopeFollows() {
        Feed.Tree t = Feed.tree("R1");
        Feed.Member person = Feed.member(t.cellA(), "Lò Văn Chung");
        String id = Api.post(Api.as("organizer", t.district()), ASSIGNMENTS,
                AssignmentsTest.assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.commune())).statusCode(201).extract().path("id");
        // the commune committee and its cells move under the other district
        String oldPath = t.commune().path;
        String newPath = t.otherDistrict().path + t.commune().id + "/";
        t.commune().parentId = t.otherDistrict().id;
        t.commune().path = newPath;
        t.commune().version = 1;
        Feed.orgEvent("moved", t.commune(), Map.of("oldParentId", t.district().id, "newParentId", t.otherDistrict().id,
                "oldPath", oldPath, "newPath", newPath, "subtreeSize", 3));
        String cellPath = newPath + t.cellA().id + "/";
        Feed.await(() -> cellPath.equals(pathOf(t.cellA().id)), "cell A moved");
        Api.get(Api.as("organizer", t.otherDistrict()), ASSIGNMENTS + "/" + id).statusCode(200);
        Api.get(Api.as("organizer", t.district()), ASSIGNMENTS + "/" + id).statusCode(403);
        Api.get(Api.as("organizer", t.otherDistrict()), ASSIGNMENTS + "/coverage").statusCode(200)
                .body("grassroots.total", equalTo(2));
    }

    @Test
    void badRecordsRedeliveriesAndOlderVersionsChangeNothing() {
        Feed.Tree t = Feed.tree("R2");
        Feed.Member person = Feed.member(t.cellA(), "Quàng Văn Phúc");
        String id = Api.post(Api.as("organizer", t.district()), ASSIGNMENTS,
                AssignmentsTest.assignment(person, "ORGANIZATION", t.cellA().id, "FOLLOWS", t.district())).statusCode(201).extract().path("id");
        Feed.sendRaw(Feed.MEMBER_TOPIC, person.id, "{not json");
        Feed.sendRaw(Feed.MEMBER_TOPIC, person.id, "{\"id\":\"x\",\"type\":\"vn.grassroots.member.status-changed\",\"data\":{}}");
        Feed.sendRaw(Feed.MEETING_TOPIC, person.id, "[1, 2]");
        Feed.sendRaw(Feed.ORG_TOPIC, t.cellA().id, "{\"id\":\"y\",\"type\":\"vn.grassroots.organization.moved\",\"data\":{\"organization\":"
                + t.cellA().json() + "}}");
        person.status = "DECEASED";
        person.version = 3;
        var event = Feed.envelope("/grassroots/membership", "vn.grassroots.member.status-changed", person.id,
                (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .set("member", person.json()));
        Feed.send(Feed.MEMBER_TOPIC, person.id, event, true);
        Feed.awaitMember(person.id, 3, "DECEASED");
        Feed.send(Feed.MEMBER_TOPIC, person.id, event, true); // redelivered
        // an older state arriving late does not bring the member back
        person.status = "OFFICIAL";
        person.version = 2;
        Feed.awaitProcessed("members", Feed.memberEvent("profile-changed", person, Map.of()));
        Feed.await(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Feed.em().createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = 'assignments.members' AND event_id = ?1")
                .setParameter(1, event.path("id").asText()).getSingleResult()).longValue() == 1), "event recorded once");
        Api.get(Api.ADMIN, ASSIGNMENTS + "/" + id).statusCode(200)
                .body("status", equalTo("ENDED")).body("endReason", equalTo("MEMBER_DECEASED")).body("version", equalTo(2));
        Feed.awaitMember(person.id, 3, "DECEASED");
        long ended = QuarkusTransaction.requiringNew().call(() -> ((Number) Feed.em().createNativeQuery(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = 'vn.grassroots.assignment.ended'")
                .setParameter(1, id).getSingleResult()).longValue());
        assertEquals(1, ended);
        // the service still answers: the consumers are alive
        Feed.Member next = Feed.member(t.cellA(), "Lường Văn Sinh");
        assertEquals("OFFICIAL", next.status);
    }
}
