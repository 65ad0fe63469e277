package vn.grassroots.meetings.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.consumer.CloudEvents;
import vn.grassroots.common.consumer.MemberState;
import vn.grassroots.common.consumer.ProcessedEvents;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.meetings.repository.AssignmentReadModel;
import vn.grassroots.meetings.repository.MemberReadModel;
import vn.grassroots.meetings.repository.PathCopies;

/**
 * Applies one CloudEvent of the organization, membership or assignments topics to its read model, once
 * (ProcessedEvents) and version-guarded, in one transaction; organizations through the shared OrganizationEvents.
 */
@ApplicationScoped
public class ReadModelApplier {
    private final ProcessedEvents processed;
    private final OrganizationEvents organizations;
    private final PathCopies orgs;
    private final MemberReadModel members;
    private final AssignmentReadModel assignments;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public ReadModelApplier(ProcessedEvents processed, OrganizationEvents organizations, PathCopies orgs,
            MemberReadModel members, AssignmentReadModel assignments,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.processed = processed;
        this.organizations = organizations;
        this.orgs = orgs;
        this.members = members;
        this.assignments = assignments;
        this.json = json;
    }

    /** Applies the event; returns null when applied (or already applied, or not relevant), else why it was skipped. */
    @Transactional
    public String apply(String channel, JsonNode event) {
        String malformed = CloudEvents.envelope(event);
        if (malformed != null) {
            return malformed;
        }
        String id = event.path("id").asText("");
        if (channel.startsWith("organizations")) {
            return organizations.apply("meetings." + channel, event, orgs);
        }
        if (channel.startsWith("members")) {
            return member(channel, id, event);
        }
        return assignment(channel, id, event);
    }

    /**
     * A batch of member records in one transaction (see {@link MemberReadModel#upsertAll}); throws when any record
     * cannot be applied, and the consumer then applies the batch record by record.
     */
    @Transactional
    public void applyMembers(String channel, List<JsonNode> events) {
        java.util.Map<UUID, MemberState> latest = new java.util.LinkedHashMap<>();
        for (JsonNode event : events) {
            MemberState m = MemberState.of(event); // poison: the batch is applied again record by record
            String id = event == null ? "" : event.path("id").asText("");
            if (m == null || id.isBlank()) {
                continue;
            }
            if (!processed.firstDelivery("meetings." + channel, id)) {
                continue;
            }
            MemberState held = latest.get(m.id());
            if (held == null || held.version() <= m.version()) {
                latest.put(m.id(), m);
            }
        }
        members.upsertAll(latest, json);
    }

    private String member(String channel, String id, JsonNode event) {
        MemberState m = MemberState.of(event);
        if (m == null) {
            return null;
        }
        if (!processed.firstDelivery("meetings." + channel, id)) {
            return null;
        }
        members.upsert(m);
        return null;
    }

    private String assignment(String channel, String id, JsonNode event) {
        JsonNode a = CloudEvents.aggregate(event, "vn.grassroots.assignment.", "assignment");
        if (a == null) {
            return null;
        }
        AssignmentReadModel.AssignmentRow row;
        try {
            row = new AssignmentReadModel.AssignmentRow(UUID.fromString(a.path("id").asText()),
                    UUID.fromString(a.path("personId").asText()), a.path("targetType").asText(),
                    UUID.fromString(a.path("targetId").asText()), UUID.fromString(a.path("organizationId").asText()),
                    a.path("role").asText(), LocalDate.parse(a.path("validFrom").asText()),
                    a.hasNonNull("validTo") ? LocalDate.parse(a.path("validTo").asText()) : null,
                    a.path("status").asText(), a.path("version").asLong(-1));
        } catch (RuntimeException e) {
            return "data is not an assignment with id, personId, targetType, targetId, organizationId, role, validFrom, status, version";
        }
        if (row.role().isBlank() || row.status().isBlank() || row.version() < 0) {
            return "data is not an assignment with role, status and version";
        }
        if (!processed.firstDelivery("meetings." + channel, id)) {
            return null;
        }
        assignments.upsert(row);
        return null;
    }
}
