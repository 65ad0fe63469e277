package vn.grassroots.membership;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.grassroots.membership.Api.ADMIN;
import static vn.grassroots.membership.Api.MEMBERS;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.OrganizationFeed.Org;
import vn.grassroots.membership.events.MemberEvents;
import vn.grassroots.testing.KafkaEvents;

/** Transfers (chuyển sinh hoạt đảng): official with an introduction letter, temporary, and the refusals. */
@QuarkusTest
class TransfersTest {
    static final String TRANSFERS = "/api/v1/transfers";
    static final LocalDate TODAY = MembersTest.TODAY;

    static Map<String, Object> transfer(String memberId, String kind, String to, LocalDate issued, LocalDate end) {
        Map<String, Object> b = new HashMap<>();
        b.put("memberId", memberId);
        b.put("kind", kind);
        b.put("toOrganizationId", to);
        b.put("introductionLetterNumber", "15-GGT/HU");
        b.put("issuedOn", issued.toString());
        if (end != null) {
            b.put("endDate", end.toString());
        }
        b.put("reason", "chuyển công tác");
        return b;
    }

    @Test
    void officialTransferLeavesTheMemberInTransitUntilAccepted() {
        OrgFeed.Tree a = OrgFeed.tree("transfer-from");
        OrgFeed.Tree b = OrgFeed.tree("transfer-to");
        String id = Api.create(ADMIN, Api.member(a.cellA().id, "Điêu Chính Tương", TODAY.minusYears(4), "OFFICIAL"));
        String organizerA = Api.as("organizer", a.district().id);
        String secretaryB = Api.as("secretary", b.cellA().id);
        LocalDate issued = TODAY.minusDays(10);

        Api.post(Api.as("secretary", a.cellA().id), TRANSFERS, transfer(id, "OFFICIAL", b.cellA().id, issued, null)).statusCode(403);
        Api.post(Api.as("organizer", b.district().id), TRANSFERS, transfer(id, "OFFICIAL", b.cellA().id, issued, null)).statusCode(403);
        String tid = Api.post(organizerA, TRANSFERS, transfer(id, "OFFICIAL", b.cellA().id, issued, null)).statusCode(201)
                .body("status", equalTo("PENDING")).body("memberName", equalTo("Điêu Chính Tương"))
                .body("toOrganizationName", equalTo("Chi bộ bản Cang transfer-to")).extract().path("id");
        Api.post(organizerA, TRANSFERS, transfer(id, "OFFICIAL", b.cellB().id, issued, null)).statusCode(409)
                .body("type", equalTo("https://grassroots.vn/problems/already-in-transit"));

        // in transit: counted by neither side; pending on both sides
        Api.get(organizerA, MEMBERS + "/" + id).statusCode(200).body("inTransit", equalTo(true));
        Api.get(organizerA, MEMBERS + "/statistics").statusCode(200).body("members", equalTo(0));
        Api.get(secretaryB, MEMBERS + "/statistics").statusCode(200).body("members", equalTo(0));
        Api.get(organizerA, TRANSFERS + "?direction=outgoing&status=PENDING").statusCode(200).body("items.id", hasItem(tid));
        Api.get(organizerA, TRANSFERS + "?direction=incoming&status=PENDING").statusCode(200).body("items.id", not(hasItem(tid)));
        Api.get(secretaryB, TRANSFERS + "?status=PENDING").statusCode(200).body("items.id", hasItem(tid));
        Api.get(secretaryB, TRANSFERS + "/" + tid).statusCode(200);
        Api.get(Api.as("secretary", a.cellB().id), TRANSFERS + "/" + tid).statusCode(403);
        Api.get(secretaryB, TRANSFERS + "?direction=sideways").statusCode(400).body("errors[0].field", equalTo("direction"));

        // only the receiving side accepts, not before the letter's date
        Api.post(organizerA, TRANSFERS + "/" + tid + "/accept", Map.of("acceptedOn", TODAY.toString())).statusCode(403);
        Api.post(secretaryB, TRANSFERS + "/" + tid + "/accept", Map.of("acceptedOn", issued.minusDays(1).toString())).statusCode(422)
                .body("errors[0].field", equalTo("acceptedOn"));
        try (KafkaEvents events = new KafkaEvents(MemberEvents.TOPIC)) {
            Api.post(secretaryB, TRANSFERS + "/" + tid + "/accept", Map.of("acceptedOn", TODAY.toString())).statusCode(200)
                    .body("status", equalTo("ACCEPTED")).body("acceptedBy", equalTo("secretary-" + b.cellA().id));
            var event = events.awaitType(id, MemberEvents.TRANSFERRED).event();
            assertEquals(a.cellA().id, event.path("data").path("fromOrganizationId").asText());
            assertEquals(b.cellA().id, event.path("data").path("toOrganizationId").asText());
            assertEquals("15-GGT/HU", event.path("data").path("decision").path("number").asText());
        }
        Api.post(secretaryB, TRANSFERS + "/" + tid + "/accept", Map.of("acceptedOn", TODAY.toString())).statusCode(409);
        Api.get(secretaryB, MEMBERS + "/" + id).statusCode(200).body("organizationId", equalTo(b.cellA().id))
                .body("inTransit", equalTo(false));
        Api.get(organizerA, MEMBERS + "/" + id).statusCode(403);
        Api.get(secretaryB, MEMBERS + "/statistics").statusCode(200).body("members", equalTo(1));
    }

    @Test
    void refusalsAndTemporaryTransfers() {
        OrgFeed.Tree t = OrgFeed.tree("transfer-rules");
        String id = Api.create(ADMIN, Api.member(t.cellA().id, "Lò Văn Tạm", TODAY.minusYears(4), "OFFICIAL"));
        Org dissolved = OrgFeed.org(t.commune(), "SUBORDINATE_CELL", "Chi bộ đã giải thể");
        dissolved.status = "DISSOLVED";
        OrgFeed.state(dissolved);
        OrgFeed.awaitApplied(dissolved.id, 0, dissolved.path);
        String organizer = Api.as("organizer", t.district().id);

        Api.post(organizer, TRANSFERS, transfer(id, "OFFICIAL", dissolved.id, TODAY, null)).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/organization-not-active")).body("errors[0].field", equalTo("toOrganizationId"));
        Api.post(organizer, TRANSFERS, transfer(id, "OFFICIAL", t.commune().id, TODAY, null)).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/not-a-cell"));
        Api.post(organizer, TRANSFERS, transfer(id, "OFFICIAL", t.cellA().id, TODAY, null)).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/same-organization"));
        Api.post(organizer, TRANSFERS, transfer(id, "TEMPORARY", t.cellB().id, TODAY, null)).statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        Api.post(organizer, TRANSFERS, transfer(id, "SOMETIMES", t.cellB().id, TODAY, null)).statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        Api.post(organizer, TRANSFERS, transfer(java.util.UUID.randomUUID().toString(), "OFFICIAL", t.cellB().id, TODAY, null)).statusCode(422)
                .body("errors[0].field", equalTo("memberId"));

        String tid = Api.post(organizer, TRANSFERS, transfer(id, "TEMPORARY", t.cellB().id, TODAY.minusDays(1), TODAY.plusMonths(6)))
                .statusCode(201).extract().path("id");
        // temporary: the member keeps the home cell and is still counted there
        Api.get(Api.as("secretary", t.cellA().id), MEMBERS + "/statistics").statusCode(200).body("members", equalTo(1));
        Api.post(Api.as("secretary", t.cellB().id), TRANSFERS + "/" + tid + "/accept", Map.of("acceptedOn", TODAY.toString()))
                .statusCode(200).body("activeInHost", equalTo(true)).body("endDate", equalTo(TODAY.plusMonths(6).toString()));
        Api.get(organizer, MEMBERS + "/" + id).statusCode(200).body("organizationId", equalTo(t.cellA().id));

        // a removed member is transferred nowhere
        Api.post(ADMIN, MEMBERS + "/" + id + "/status-changes", Map.of("status", "REMOVED", "reason", "x",
                "decision", Map.of("number", "3-QĐ", "date", TODAY.toString()))).statusCode(200);
        Api.post(organizer, TRANSFERS, transfer(id, "OFFICIAL", t.cellB().id, TODAY, null)).statusCode(409)
                .body("type", equalTo("https://grassroots.vn/problems/member-not-active"));
    }
}
