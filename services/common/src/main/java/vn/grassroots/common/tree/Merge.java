package vn.grassroots.common.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.consumer.EventFields;

/**
 * What a merged event (sáp nhập) says besides its organization: the organization it was merged into and the decision
 * (quyết định), each null when the event does not name it (or not as a UUID or a date). Every service that keeps the
 * tree reads it, so it is read leniently: a bad decision must not stop the others applying the merge.
 */
public record Merge(UUID targetId, String decisionNumber, LocalDate decisionDate) {
    static Merge read(JsonNode data) {
        JsonNode decision = data.path("decision");
        return new Merge(EventFields.uuid(data.path("targetId")),
                EventFields.text(decision.path("number")), EventFields.date(decision.path("date")));
    }
}
