package vn.grassroots.evaluations.consumers;

import static vn.grassroots.evaluations.consumers.EventApplier.date;
import static vn.grassroots.evaluations.consumers.EventApplier.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The members and tasks of other services' events, read into typed records. Read leniently by hand rather than bound
 * by Jackson: a malformed record is skipped with a reason (read gives null), it never throws.
 */
final class Incoming {
    private Incoming() {}

    /** A member as the member events and the member state topic carry it. */
    record Member(UUID id, UUID organizationId, String fullName, String status, long version) {
        static Member read(JsonNode m) {
            UUID id = uuid(m.path("id").asText(""));
            UUID org = uuid(m.path("organizationId").asText(""));
            String name = m.path("fullName").asText("");
            String status = m.path("status").asText("");
            if (id == null || org == null || name.isBlank() || status.isBlank() || !m.path("version").canConvertToLong()) {
                return null;
            }
            return new Member(id, org, name, status, m.path("version").asLong());
        }
    }

    /** A task as the task events and the task state topic carry it. */
    record Task(UUID id, String assigneeType, UUID assigneeId, UUID assigneeOrganizationId, LocalDate dueDate, String state,
            LocalDate completedOn, Boolean onTime, long version) {
        static Task read(JsonNode t) {
            UUID id = uuid(t.path("id").asText(""));
            UUID assignee = uuid(t.path("assigneeId").asText(""));
            LocalDate due = date(t.path("dueDate").asText(""));
            String state = t.path("state").asText("");
            if (id == null || assignee == null || due == null || state.isBlank() || !t.path("version").canConvertToLong()) {
                return null;
            }
            return new Task(id, t.path("assigneeType").asText("MEMBER"), assignee, uuid(t.path("assigneeOrganizationId").asText("")),
                    due, state, date(t.path("completedOn").asText("")), t.path("onTime").isBoolean() ? t.path("onTime").asBoolean() : null,
                    t.path("version").asLong());
        }
    }
}
