package vn.grassroots.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Acts as the organization service in the tests of the services that keep its read model: builds organizations and
 * publishes their state records and events. Waiting until a service applied them stays with the service.
 */
public final class OrganizationFeed {
    public static final String TOPIC = "grassroots.organization.organizations.v1";
    public static final String STATE_TOPIC = "grassroots.organization.organizations-state.v1";
    public static final String SOURCE = "/grassroots/organization";
    public static final String TYPE_PREFIX = "vn.grassroots.organization.";

    private OrganizationFeed() {}

    /** An organization as the organization service describes it; tests change its fields and publish it again. */
    public static final class Org {
        public final String id = UUID.randomUUID().toString();
        public String parentId;
        public String path;
        public int depth;
        public String type;
        public String sector = "RESIDENTIAL";
        public String status = "ACTIVE";
        public String name;
        public long version;

        public ObjectNode json() {
            ObjectNode o = CloudEvents.JSON.createObjectNode();
            o.put("id", id);
            if (parentId != null) {
                o.put("parentId", parentId);
            }
            o.put("path", path);
            o.put("depth", depth);
            o.put("type", type);
            o.put("sector", sector);
            o.put("status", status);
            o.put("name", name);
            o.put("version", version);
            o.put("createdAt", "2025-01-02T03:04:05.000000Z");
            o.put("updatedAt", Instant.now().toString());
            return o;
        }
    }

    /** A new organization under {@code parent} (a root when null), version 0. */
    public static Org org(Org parent, String type, String name) {
        Org o = new Org();
        o.parentId = parent == null ? null : parent.id;
        o.path = (parent == null ? "/" : parent.path) + o.id + "/";
        o.depth = parent == null ? 0 : parent.depth + 1;
        o.type = type;
        o.name = name;
        return o;
    }

    /** A new organization of {@code sector} under {@code parent} (a root when null), version 0. */
    public static Org org(Org parent, String type, String sector, String name) {
        Org o = org(parent, type, name);
        o.sector = sector;
        return o;
    }

    /** Province → district → commune committee (grassroots) → residential cells A and B: the tests' usual tree. */
    public record Commune(Org province, Org district, Org commune, Org cellA, Org cellB) {}

    /** The usual tree, its names ending in {@code label}; not published yet. */
    public static Commune commune(String label) {
        Org p = org(null, "PROVINCIAL_COMMITTEE", "OTHER", "Tỉnh ủy Điện Biên " + label);
        Org d = org(p, "DISTRICT_COMMITTEE", "OTHER", "Huyện ủy Tuần Giáo " + label);
        Org c = org(d, "GRASSROOTS_COMMITTEE", "COMMUNE", "Đảng bộ xã Quài Cang " + label);
        Org a = org(c, "SUBORDINATE_CELL", "RESIDENTIAL", "Chi bộ bản Cang " + label);
        Org b = org(c, "SUBORDINATE_CELL", "RESIDENTIAL", "Chi bộ bản Sáng " + label);
        return new Commune(p, d, c, a, b);
    }

    /** The state record of an organization (for the compacted state topic). */
    public static ObjectNode stateRecord(Org o) {
        return CloudEvents.envelope(SOURCE, TYPE_PREFIX + "state", o.id, o.json());
    }

    /** An organization event of {@code type} (e.g. "moved"); {@code details} (may be null) go into data next to it. */
    public static ObjectNode event(String type, Org o, ObjectNode details) {
        ObjectNode data = CloudEvents.JSON.createObjectNode();
        data.set("organization", o.json());
        if (details != null) {
            data.setAll(details);
        }
        return CloudEvents.envelope(SOURCE, TYPE_PREFIX + type, o.id, data);
    }

    /** Publishes the state record, checked against the contract; returns the event id. */
    public static String publishState(Org o) {
        return CloudEvents.send(STATE_TOPIC, o.id, stateRecord(o), true);
    }

    /** Publishes an event, checked against the contract; returns the event id. */
    public static String publishEvent(String type, Org o, ObjectNode details) {
        return CloudEvents.send(TOPIC, o.id, event(type, o, details), true);
    }
}
