package vn.grassroots.meetings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import vn.grassroots.testing.CloudEvents;
import vn.grassroots.testing.MemberFeed;
import vn.grassroots.testing.OrganizationFeed;
import vn.grassroots.testing.OrganizationFeed.Org;
import vn.grassroots.testing.ReadModels;

/**
 * Acts as the organization (through the shared OrganizationFeed), membership and assignments services in tests:
 * publishes their CloudEvents on the real topics (checked against their contracts where contracts/ has them) and
 * waits until the read models applied them.
 */
final class Feed {
    static final String ORG_TOPIC = OrganizationFeed.TOPIC;
    static final String ORG_STATE = OrganizationFeed.STATE_TOPIC;
    static final String MEMBER_STATE = MemberFeed.STATE_TOPIC;
    static final String MEMBER_TOPIC = MemberFeed.TOPIC;
    static final String ASSIGNMENT_STATE = "grassroots.assignments.assignments-state.v1";
    static final ObjectMapper JSON = CloudEvents.JSON;

    private Feed() {}

    static Org org(Org parent, String type, String name) {
        return OrganizationFeed.org(parent, type, name);
    }

    /** province → district → commune committee → cells A and B; all published and applied. */
    record Tree(Org province, Org district, Org commune, Org cellA, Org cellB) {}

    static Tree tree(String label) {
        OrganizationFeed.Commune t = OrganizationFeed.commune(label);
        Org[] all = {t.province(), t.district(), t.commune(), t.cellA(), t.cellB()};
        for (Org o : all) {
            orgState(o);
        }
        for (Org o : all) {
            await("organization " + o.id + " v" + o.version + " at " + o.path,
                    () -> count("SELECT count(*) FROM org_ref WHERE id = ?1 AND version = ?2 AND path = ?3", UUID.fromString(o.id), o.version, o.path) == 1);
        }
        return new Tree(t.province(), t.district(), t.commune(), t.cellA(), t.cellB());
    }

    static void orgState(Org o) {
        OrganizationFeed.publishState(o);
    }

    static void orgEvent(String type, Org o, ObjectNode details) {
        OrganizationFeed.publishEvent(type, o, details);
    }

    /** A member as the membership service describes it, with the contract's new temporaryHosts. */
    static final class Member extends MemberFeed.Member {
        List<String[]> hosts = List.of();

        @Override
        public ObjectNode json() {
            ObjectNode m = super.json();
            if (!hosts.isEmpty()) {
                ArrayNode a = m.putArray("temporaryHosts");
                for (String[] h : hosts) {
                    ObjectNode n = a.addObject();
                    n.put("organizationId", h[0]);
                    n.put("until", h[1]);
                }
            }
            return m;
        }
    }

    static Member member(Org cell, String name, String status) {
        Member m = new Member();
        m.fullName = name;
        m.organizationId = cell.id;
        m.status = status;
        return m;
    }

    /** Publishes the members' state records and waits for all of them. */
    static void members(Member... ms) {
        for (Member m : ms) {
            // contracts/ does not have temporaryHosts yet (new in the agreed contract): check only records without it
            send(MEMBER_STATE, m.id, MemberFeed.stateRecord(m), m.hosts.isEmpty());
        }
        for (Member m : ms) {
            awaitMember(m);
        }
    }

    static void awaitMember(Member m) {
        await("member " + m.id + " v" + m.version, () -> count("SELECT count(*) FROM member_ref WHERE id = ?1 AND version = ?2",
                UUID.fromString(m.id), m.version) == 1);
    }

    static void memberEvent(String type, Member m) {
        send(MEMBER_TOPIC, m.id, MemberFeed.event(type, m, null), m.hosts.isEmpty());
    }

    /** An ATTENDS_MEETINGS assignment of a superior committee member to an organization, from today. */
    static String assignAttendance(String personId, Org org, long version, String status) {
        String id = UUID.randomUUID().toString();
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id);
        a.put("personId", personId);
        a.put("targetType", "ORGANIZATION");
        a.put("targetId", org.id);
        a.put("organizationId", org.id);
        a.put("role", "ATTENDS_MEETINGS");
        a.put("validFrom", LocalDate.now().minusMonths(1).toString());
        a.putNull("validTo");
        a.put("status", status);
        a.put("version", version);
        a.put("updatedAt", Instant.now().toString());
        // the assignments service's schema is not in contracts/ yet: sent as agreed, unchecked
        send(ASSIGNMENT_STATE, id, envelope("/grassroots/assignments", "vn.grassroots.assignment.state", id, a), false);
        await("assignment " + id, () -> count("SELECT count(*) FROM assignment_ref WHERE id = ?1", UUID.fromString(id)) == 1);
        return id;
    }

    static ObjectNode envelope(String source, String type, String subject, ObjectNode data) {
        return CloudEvents.envelope(source, type, subject, data);
    }

    static void send(String topic, String key, ObjectNode event, boolean check) {
        CloudEvents.send(topic, key, event, check);
    }

    static void sendRaw(String topic, String key, String value) {
        CloudEvents.sendRaw(topic, key, value);
    }

    static long count(String sql, Object... params) {
        return ReadModels.count(sql, params);
    }

    /** Up to 180 s: a new consumer group first catches up with the whole topic. */
    static void await(String what, Supplier<Boolean> done) {
        ReadModels.await(what, Duration.ofSeconds(180), done::get);
    }
}
