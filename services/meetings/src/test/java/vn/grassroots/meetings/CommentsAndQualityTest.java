package vn.grassroots.meetings;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.grassroots.testing.KafkaEvents;

/** Comments on the agenda by members of the organization only; the quality rating and the superior's review. */
@QuarkusTest
class CommentsAndQualityTest {

    @Test
    void onlyMembersOfTheOrganizationCommentWhileTheMeetingIsPublished() {
        Feed.Tree t = Feed.tree("comments");
        Feed.Member mine = Feed.member(t.cellA(), "Lường Văn Góp", "OFFICIAL");
        Feed.Member second = Feed.member(t.cellA(), "Lường Thị Ý", "PROBATIONARY");
        Feed.Member outsider = Feed.member(t.cellB(), "Cà Văn Ngoài", "OFFICIAL");
        Feed.members(mine, second, outsider);
        String secretary = Api.as("secretary", t.cellA());
        String draft = Api.create(secretary, Api.meeting(t.cellA(), "REGULAR"));
        String item = Api.get(secretary, Api.MEETINGS + "/" + draft).extract().path("agenda[0].id");
        // a draft is not visible to members and takes no comments
        Api.get(Api.memberToken(mine), Api.MEETINGS + "/" + draft).statusCode(403);
        Api.post(Api.memberToken(mine), Api.MEETINGS + "/" + draft + "/comments", Map.of("agendaItemId", item, "text", "Sớm quá")).statusCode(409)
                .body("type", equalTo("https://grassroots.vn/problems/comments-closed"));

        Api.post(secretary, Api.MEETINGS + "/" + draft + "/publish", null).statusCode(200);
        Api.get(Api.memberToken(mine), Api.MEETINGS + "/" + draft).statusCode(200).body("agenda", hasSize(2))
                .body("documents[0].url", equalTo("https://vanban.example.vn/nq-11.pdf"));
        Api.post(Api.memberToken(mine), Api.MEETINGS + "/" + draft + "/comments",
                Map.of("agendaItemId", item, "text", "Đề nghị bổ sung nội dung phòng chống cháy rừng")).statusCode(201)
                .body("memberId", equalTo(mine.id)).body("agendaItemId", equalTo(item));
        Api.post(Api.memberToken(second), Api.MEETINGS + "/" + draft + "/comments", Map.of("agendaItemId", item, "text", "Nhất trí")).statusCode(201);

        // refusals: a member of another cell, a token without a member, an item of no agenda, an empty text
        Api.post(Api.memberToken(outsider), Api.MEETINGS + "/" + draft + "/comments", Map.of("agendaItemId", item, "text", "Tôi góp ý"))
                .statusCode(403).body("type", equalTo("https://grassroots.vn/problems/not-a-member-of-organization"));
        Api.get(Api.memberToken(outsider), Api.MEETINGS + "/" + draft).statusCode(403);
        Api.post(Api.as("organizer", t.district()), Api.MEETINGS + "/" + draft + "/comments", Map.of("agendaItemId", item, "text", "x")).statusCode(403);
        Api.post(Api.memberToken(mine), Api.MEETINGS + "/" + draft + "/comments", Map.of("agendaItemId", UUID.randomUUID().toString(), "text", "x"))
                .statusCode(422).body("type", equalTo("https://grassroots.vn/problems/unknown-agenda-item"));
        Api.post(Api.memberToken(mine), Api.MEETINGS + "/" + draft + "/comments", Map.of("agendaItemId", item, "text", "")).statusCode(400);

        // the secretary sees every comment, a member their own
        Api.get(secretary, Api.MEETINGS + "/" + draft + "/comments").statusCode(200).body("items", hasSize(2));
        Api.get(secretary, Api.MEETINGS + "/" + draft + "/comments?limit=1").statusCode(200).body("items", hasSize(1))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        Api.get(Api.memberToken(mine), Api.MEETINGS + "/" + draft + "/comments").statusCode(200).body("items", hasSize(1))
                .body("items[0].text", equalTo("Đề nghị bổ sung nội dung phòng chống cháy rừng"));
        Api.get(Api.memberToken(outsider), Api.MEETINGS + "/" + draft + "/comments").statusCode(403);

        // once held, comments are closed
        Api.hold(secretary, draft, List.of(Api.mark(mine, "PRESENT"), Api.mark(second, "PRESENT")), List.of()).statusCode(200);
        Api.post(Api.memberToken(mine), Api.MEETINGS + "/" + draft + "/comments", Map.of("agendaItemId", item, "text", "Muộn")).statusCode(409);
        Api.get(secretary, Api.MEETINGS + "/" + draft + "/comments").statusCode(200).body("items", hasSize(2));
    }

    @Test
    void theCellRatesAgainstTheCriteriaAndTheSuperiorReviews() {
        Feed.Tree t = Feed.tree("quality");
        Feed.Member m = Feed.member(t.cellA(), "Điêu Văn Chất", "OFFICIAL");
        Feed.members(m);
        String secretary = Api.as("secretary", t.cellA());
        Api.get(secretary, Api.MEETINGS + "/quality-criteria").statusCode(200).body("code", equalTo(List.of("PREPARATION", "CONTENT",
                "PARTICIPATION", "LEADERSHIP", "CONCLUSIONS"))).body("maxScore", equalTo(List.of(20, 30, 25, 15, 10)));
        String id = Api.published(secretary, t.cellA(), "THEMATIC");
        var good = Map.of("criteria", List.of(score("PREPARATION", 18), score("CONTENT", 27), score("PARTICIPATION", 22),
                score("LEADERSHIP", 13), score("CONCLUSIONS", 9)), "comment", "Chuẩn bị chu đáo");
        // not before the meeting is held
        Api.put(secretary, Api.MEETINGS + "/" + id + "/quality", good, null).statusCode(409);
        Api.hold(secretary, id, List.of(Api.mark(m, "PRESENT")), List.of()).statusCode(200);

        Api.put(secretary, Api.MEETINGS + "/" + id + "/quality", Map.of("criteria", List.of(score("PREPARATION", 18))), null).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/criteria-incomplete"));
        Api.put(secretary, Api.MEETINGS + "/" + id + "/quality", Map.of("criteria", List.of(score("PREPARATION", 21), score("CONTENT", 27),
                score("PARTICIPATION", 22), score("LEADERSHIP", 13), score("CONCLUSIONS", 9))), null).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/score-above-maximum"));
        Api.put(secretary, Api.MEETINGS + "/" + id + "/quality", Map.of("criteria", List.of(score("BEAUTY", 5))), null).statusCode(422)
                .body("type", equalTo("https://grassroots.vn/problems/unknown-criterion"));
        Api.put(secretary, Api.MEETINGS + "/" + id + "/quality", Map.of("criteria", List.of(score("CONTENT", -1))), null).statusCode(400);

        try (KafkaEvents events = new KafkaEvents(MeetingLifecycleTest.TOPIC)) {
            Api.put(secretary, Api.MEETINGS + "/" + id + "/quality", good, null).statusCode(200)
                    .body("quality.score", equalTo(89)).body("quality.level", equalTo("GOOD")).body("quality.criteria.CONTENT", equalTo(27));
            var q = events.awaitType(id, "vn.grassroots.meeting.quality-rated").event().path("data").path("quality");
            org.junit.jupiter.api.Assertions.assertEquals(89, q.path("score").asInt());
            org.junit.jupiter.api.Assertions.assertEquals("GOOD", q.path("level").asText());
        }
        var weaker = Map.of("criteria", List.of(score("PREPARATION", 10), score("CONTENT", 15), score("PARTICIPATION", 12),
                score("LEADERSHIP", 8), score("CONCLUSIONS", 5)));
        Api.put(secretary, Api.MEETINGS + "/" + id + "/quality", weaker, null).statusCode(200).body("quality.score", equalTo(50))
                .body("quality.level", equalTo("AVERAGE"));

        // the cell does not review itself; the commune committee above it does, and the rating is then final
        Api.post(secretary, Api.MEETINGS + "/" + id + "/quality/review", Map.of("agreed", true)).statusCode(403);
        Api.post(Api.as("secretary", t.cellB()), Api.MEETINGS + "/" + id + "/quality/review", Map.of("agreed", true)).statusCode(403);
        Api.post(Api.as("secretary", t.commune()), Api.MEETINGS + "/" + id + "/quality/review",
                Map.of("agreed", false, "comment", "Chưa sát thực tế, đề nghị đánh giá lại ở mức khá")).statusCode(200)
                .body("quality.review.agreed", equalTo(false)).body("quality.review.reviewedBy", equalTo("secretary-" + t.commune().id));
        Api.put(secretary, Api.MEETINGS + "/" + id + "/quality", good, null).statusCode(409)
                .body("type", equalTo("https://grassroots.vn/problems/quality-reviewed"));
    }

    private static Map<String, Object> score(String code, int score) {
        return Map.of("code", code, "score", score);
    }
}
