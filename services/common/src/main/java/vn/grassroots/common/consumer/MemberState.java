package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A member as membership's topics carry it (the data of a state record, {@code data.member} of an event): the fields
 * the other services' read models keep, read once into this record by every consumer of members.
 */
public record MemberState(UUID id, UUID organizationId, String fullName, String status, long version,
        List<TemporaryHost> temporaryHosts) {
    /** Why a record whose member is incomplete is dead-lettered. */
    public static final String REFUSED = "data is not a member with id, fullName, organizationId, status and version";
    public static final String TYPE_PREFIX = "vn.grassroots.member.";
    public static final String STATE_TYPE = TYPE_PREFIX + "state";

    /** A cell the member attends for a while (sinh hoạt tạm thời), until a date or with no end. */
    public record TemporaryHost(UUID organizationId, LocalDate until) {}

    /**
     * The member a record of the members' topics carries; null when the record is another kind of event, and
     * {@link PoisonRecord} ({@link #REFUSED}) when its member is incomplete.
     */
    public static MemberState of(JsonNode event) {
        JsonNode data = data(event);
        if (data == null) {
            return null;
        }
        MemberState m = read(data);
        if (m == null) {
            throw new PoisonRecord(REFUSED);
        }
        return m;
    }

    /** The member's JSON of a record of the members' topics, or null when the record is another kind of event. */
    public static JsonNode data(JsonNode event) {
        return CloudEvents.aggregate(event, TYPE_PREFIX, "member");
    }

    /** The member of {@link #data}, or null when a field is missing or malformed (then the record is {@link #REFUSED}). */
    public static MemberState read(JsonNode m) {
        if (m == null || !m.isObject()) {
            return null;
        }
        UUID id = EventFields.uuid(m.path("id"));
        UUID organizationId = EventFields.uuid(m.path("organizationId"));
        String fullName = EventFields.text(m.path("fullName"));
        String status = EventFields.text(m.path("status"));
        long version = EventFields.version(m.path("version"));
        if (id == null || organizationId == null || fullName == null || status == null || version < 0) {
            return null;
        }
        List<TemporaryHost> hosts = new ArrayList<>();
        for (JsonNode h : m.path("temporaryHosts")) {
            UUID host = EventFields.uuid(h.path("organizationId"));
            LocalDate until = EventFields.date(h.path("until"));
            if (host == null || (until == null && h.hasNonNull("until"))) {
                return null;
            }
            hosts.add(new TemporaryHost(host, until));
        }
        return new MemberState(id, organizationId, fullName, status, version, List.copyOf(hosts));
    }
}
