package vn.grassroots.common.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.consumer.EventFields;

/**
 * What a merged event (sáp nhập) says besides its organization: the organization it was merged into and the decision
 * (quyết định), each null when the event does not name it. A decision date that is not a date fails the event.
 */
public record Merge(UUID targetId, String decisionNumber, LocalDate decisionDate) {
    static Merge read(JsonNode data) {
        JsonNode decision = data.path("decision");
        return new Merge(EventFields.uuid(data.path("targetId")),
                decision.hasNonNull("number") ? decision.path("number").asText() : null,
                decision.hasNonNull("date") ? LocalDate.parse(decision.path("date").asText()) : null);
    }
}
