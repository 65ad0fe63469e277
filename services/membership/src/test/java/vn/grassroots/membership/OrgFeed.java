package vn.grassroots.membership;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.common.tree.OrgRefs;
import vn.grassroots.testing.CloudEvents;
import vn.grassroots.testing.OrganizationFeed.Org;
import vn.grassroots.testing.OrganizationFeed;

/**
 * Acts as the organization service in tests (through the shared {@link OrganizationFeed}) and waits until the
 * membership read model has applied what it published.
 */
final class OrgFeed {
    static final String TOPIC = OrganizationFeed.TOPIC;
    static final String STATE_TOPIC = OrganizationFeed.STATE_TOPIC;
    private static final ObjectMapper JSON = CloudEvents.JSON;

    private OrgFeed() {}

    static Org org(Org parent, String type, String name) {
        return OrganizationFeed.org(parent, type, name);
    }

    /** province → district → commune committee → cells A and B, a party group under A; all published and applied. */
    record Tree(Org province, Org district, Org commune, Org cellA, Org cellB, Org group) {}

    static Tree tree(String label) {
        OrganizationFeed.Commune t = OrganizationFeed.commune(label);
        Org g = org(t.cellA(), "PARTY_GROUP", "Tổ đảng số 1 " + label);
        Org[] all = {t.province(), t.district(), t.commune(), t.cellA(), t.cellB(), g};
        for (Org o : all) {
            state(o);
        }
        for (Org o : all) {
            awaitApplied(o.id, o.version, o.path);
        }
        return new Tree(t.province(), t.district(), t.commune(), t.cellA(), t.cellB(), g);
    }

    /**
     * Moves {@code o} (with {@code subtreeSize} organizations in its subtree, itself included) from {@code from} under
     * {@code to}, as the organization service's "moved" event, and waits until the read model has it.
     */
    static void move(Org o, Org from, Org to, int subtreeSize, String decisionNumber) {
        String oldPath = o.path;
        o.parentId = to.id;
        o.path = to.path + o.id + "/";
        o.depth = to.depth + 1;
        o.version++;
        event("moved", o, Map.of("oldParentId", from.id, "newParentId", to.id, "oldPath", oldPath, "newPath", o.path,
                "subtreeSize", subtreeSize, "decision", Map.of("number", decisionNumber, "date", "2025-02-03")));
        awaitApplied(o.id, o.version, o.path);
    }

    /** The state record of an organization on the compacted state topic. */
    static String state(Org o) {
        return OrganizationFeed.publishState(o);
    }

    /** An organization event; {@code details} go into data next to the organization. */
    static String event(String type, Org o, Map<String, Object> details) {
        ObjectNode d = JSON.createObjectNode();
        details.forEach((k, v) -> d.set(k, JSON.valueToTree(v)));
        return OrganizationFeed.publishEvent(type, o, d);
    }

    static ObjectNode envelope(String type, String subject, ObjectNode data) {
        return CloudEvents.envelope(OrganizationFeed.SOURCE, type, subject, data);
    }

    /** Sends a CloudEvent (checked against its topic's contract); returns its id. */
    static String send(String topic, String key, ObjectNode event) {
        return CloudEvents.send(topic, key, event, true);
    }

    /** Sends anything, contract or not (for the consumer's robustness). */
    static void sendRaw(String topic, String key, String value) {
        CloudEvents.sendRaw(topic, key, value);
    }

    /** The read model's row of an organization, or null. */
    static OrgRef read(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OrgRef o = Arc.container().instance(OrgRefs.class).get().findById(UUID.fromString(id));
            if (o != null) {
                Arc.container().instance(OrgRefs.class).get().getEntityManager().detach(o);
            }
            return o;
        });
    }

    /** Waits until the read model holds this version and path of an organization. */
    static OrgRef awaitApplied(String id, long version, String path) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        OrgRef o = null;
        while (System.nanoTime() < deadline) {
            o = read(id);
            if (o != null && o.version == version && o.path.equals(path)) {
                return o;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("read model did not reach version " + version + " path " + path + " of " + id
                + "; has " + (o == null ? "nothing" : o.version + " " + o.path + " " + o.status));
    }
}
