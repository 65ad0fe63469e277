package vn.grassroots.evaluations.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;
import vn.grassroots.common.consumer.EventFields;

/**
 * A task as the assignments service's task events and task state topic carry it, read leniently by hand (members:
 * common's MemberState): a malformed record reads as null and is skipped with a reason, it never throws.
 */
record IncomingTask(UUID id, String assigneeType, UUID assigneeId, UUID assigneeOrganizationId, LocalDate dueDate, String state,
        LocalDate completedOn, Boolean onTime, long version) {
    static IncomingTask read(JsonNode t) {
        UUID id = EventFields.uuid(t.path("id"));
        UUID assignee = EventFields.uuid(t.path("assigneeId"));
        LocalDate due = EventFields.date(t.path("dueDate"));
        String state = t.path("state").asText("");
        if (id == null || assignee == null || due == null || state.isBlank() || !t.path("version").canConvertToLong()) {
            return null;
        }
        return new IncomingTask(id, t.path("assigneeType").asText("MEMBER"), assignee, EventFields.uuid(t.path("assigneeOrganizationId")),
                due, state, EventFields.date(t.path("completedOn")), t.path("onTime").isBoolean() ? t.path("onTime").asBoolean() : null,
                t.path("version").asLong());
    }
}
