package vn.grassroots.meetings.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.grassroots.common.consumer.CloudEvents;
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
        String type = event.path("type").asText("");
        if (channel.startsWith("organizations")) {
            return organizations.apply("meetings." + channel, event, orgs);
        }
        if (channel.startsWith("members")) {
            return member(channel, id, type, event);
        }
        return assignment(channel, id, type, event);
    }

    /**
     * A batch of member records in one transaction (see {@link MemberReadModel#upsertAll}); throws when any record
     * cannot be applied, and the consumer then applies the batch record by record.
     */
    @Transactional
    public void applyMembers(String channel, List<JsonNode> events) {
        java.util.Map<UUID, MemberReadModel.MemberRow> rows = new java.util.LinkedHashMap<>();
        java.util.Map<UUID, List<MemberReadModel.Host>> hosts = new java.util.HashMap<>();
        for (JsonNode event : events) {
            String id = event == null ? "" : event.path("id").asText("");
            String type = event == null ? "" : event.path("type").asText("");
            JsonNode m = payload(type, "vn.grassroots.member.", "member", event);
            if (m == null || id.isBlank()) {
                continue;
            }
            List<MemberReadModel.Host> h = new ArrayList<>();
            MemberReadModel.MemberRow row = parseMember(m, h);
            if (row == null) {
                throw new IllegalArgumentException("a record is not a member");
            }
            if (!processed.firstDelivery("meetings." + channel, id)) {
                continue;
            }
            MemberReadModel.MemberRow held = rows.get(row.id());
            if (held == null || held.version() <= row.version()) {
                rows.put(row.id(), row);
                hosts.put(row.id(), h);
            }
        }
        members.upsertAll(rows, hosts, json);
    }

    private static MemberReadModel.MemberRow parseMember(JsonNode m, List<MemberReadModel.Host> hosts) {
        try {
            MemberReadModel.MemberRow row = new MemberReadModel.MemberRow(UUID.fromString(m.path("id").asText()), m.path("fullName").asText(""),
                    UUID.fromString(m.path("organizationId").asText()), m.path("status").asText(""), m.path("version").asLong(-1));
            for (JsonNode h : m.path("temporaryHosts")) {
                hosts.add(new MemberReadModel.Host(UUID.fromString(h.path("organizationId").asText()),
                        h.hasNonNull("until") ? LocalDate.parse(h.path("until").asText()) : null));
            }
            if (row.fullName().isBlank() || row.status().isBlank() || row.version() < 0 || !m.path("version").canConvertToLong()) {
                return null;
            }
            return row;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String member(String channel, String id, String type, JsonNode event) {
        JsonNode m = payload(type, "vn.grassroots.member.", "member", event);
        if (m == null) {
            return null;
        }
        MemberReadModel.MemberRow row;
        List<MemberReadModel.Host> hosts = new ArrayList<>();
        try {
            row = new MemberReadModel.MemberRow(UUID.fromString(m.path("id").asText()), m.path("fullName").asText(""),
                    UUID.fromString(m.path("organizationId").asText()), m.path("status").asText(""), m.path("version").asLong(-1));
            for (JsonNode h : m.path("temporaryHosts")) {
                hosts.add(new MemberReadModel.Host(UUID.fromString(h.path("organizationId").asText()),
                        h.hasNonNull("until") ? LocalDate.parse(h.path("until").asText()) : null));
            }
        } catch (RuntimeException e) {
            return "data is not a member with id, organizationId, status and version";
        }
        if (row.fullName().isBlank() || row.status().isBlank() || row.version() < 0 || !m.path("version").canConvertToLong()) {
            return "data is not a member with id, fullName, organizationId, status and version";
        }
        if (!processed.firstDelivery("meetings." + channel, id)) {
            return null;
        }
        members.upsert(row, hosts);
        return null;
    }

    private String assignment(String channel, String id, String type, JsonNode event) {
        JsonNode a = payload(type, "vn.grassroots.assignment.", "assignment", event);
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

    /** The aggregate of a state record (data) or of an event (data.&lt;field&gt;); null for another kind of record. */
    private static JsonNode payload(String type, String prefix, String field, JsonNode event) {
        if ((prefix + "state").equals(type)) {
            return event.path("data");
        }
        if (type.startsWith(prefix)) {
            return event.path("data").path(field);
        }
        return null;
    }
}
