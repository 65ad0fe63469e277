package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * An unexcused absence (vắng không lý do) as the meetings service's {@code absence-unexcused} event carries it, read
 * leniently: a missing or malformed id is null, a missing month or date empty, so that a consumer can say what is
 * wrong instead of failing.
 */
public record UnexcusedAbsence(UUID memberId, UUID meetingId, UUID organizationId, String month, String meetingDate) {
    public static final String TYPE = "vn.grassroots.meeting.absence-unexcused";

    public static UnexcusedAbsence read(JsonNode data) {
        JsonNode meeting = data.path("meeting");
        return new UnexcusedAbsence(EventFields.uuid(data.path("memberId")), EventFields.uuid(meeting.path("id")),
                EventFields.uuid(meeting.path("organizationId")), data.path("month").asText(""), meeting.path("meetingDate").asText(""));
    }
}
