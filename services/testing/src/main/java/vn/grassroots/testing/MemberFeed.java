package vn.grassroots.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Acts as the membership service in the tests of the services that keep its read model: builds members and their
 * state records and events. Sending them (checked against the contract or not) and waiting until a service applied
 * them stay with the service.
 */
public final class MemberFeed {
    public static final String TOPIC = "grassroots.membership.members.v1";
    public static final String STATE_TOPIC = "grassroots.membership.members-state.v1";
    public static final String SOURCE = "/grassroots/membership";
    public static final String TYPE_PREFIX = "vn.grassroots.member.";

    private MemberFeed() {}

    /** A member as the membership service describes it; tests change its fields and publish it again. */
    public static class Member {
        public final String id;
        public String fullName;
        public String organizationId;
        public String status = "OFFICIAL";
        public long version;

        public Member() {
            this(UUID.randomUUID().toString());
        }

        public Member(String id) {
            this.id = id;
        }

        /** The profile fields no consuming service reads are fixed. */
        public ObjectNode json() {
            ObjectNode m = CloudEvents.JSON.createObjectNode();
            m.put("id", id);
            m.put("fullName", fullName);
            m.put("gender", "MALE");
            m.put("birthDate", "1980-05-01");
            m.put("theoryLevel", "INTERMEDIATE");
            m.put("admissionDate", "2005-03-03");
            m.put("organizationId", organizationId);
            m.put("status", status);
            m.put("statusSince", "2006-03-03");
            m.put("version", version);
            m.put("updatedAt", Instant.now().toString());
            return m;
        }
    }

    public static Member member(String id, String fullName, String organizationId, String status, long version) {
        Member m = new Member(id);
        m.fullName = fullName;
        m.organizationId = organizationId;
        m.status = status;
        m.version = version;
        return m;
    }

    /** The state record of a member (for the compacted state topic). */
    public static ObjectNode stateRecord(Member m) {
        return CloudEvents.envelope(SOURCE, TYPE_PREFIX + "state", m.id, m.json());
    }

    /** A member event of {@code type} (e.g. "registered"); {@code details} (may be null) go into data next to it. */
    public static ObjectNode event(String type, Member m, ObjectNode details) {
        ObjectNode data = CloudEvents.JSON.createObjectNode();
        data.set("member", m.json());
        if (details != null) {
            data.setAll(details);
        }
        return CloudEvents.envelope(SOURCE, TYPE_PREFIX + type, m.id, data);
    }
}
