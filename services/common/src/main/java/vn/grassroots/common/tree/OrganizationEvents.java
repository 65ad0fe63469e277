package vn.grassroots.common.tree;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.grassroots.common.consumer.CloudEvents;
import vn.grassroots.common.consumer.EventFields;
import vn.grassroots.common.consumer.ProcessedEvents;

/**
 * Applies one CloudEvent of the organization service's topics (a state record or an event) to the
 * {@link OrganizationTree}, once ({@link ProcessedEvents}) and version-guarded, in one transaction; a move rewrites the
 * moved subtree. The service's {@link Reaction} follows in the same transaction.
 */
@ApplicationScoped
public class OrganizationEvents {
    public static final String PREFIX = "vn.grassroots.organization.";
    public static final String STATE = PREFIX + "state";
    public static final String MOVED = PREFIX + "moved";
    public static final String MERGED = PREFIX + "merged";
    private static final Pattern PATH = Pattern.compile("^(/[0-9a-f-]{36})+/$");

    /** What a service does besides the tree, in the transaction that applies the event. */
    public interface Reaction {
        Reaction NONE = new Reaction() {};

        /** The paths of the subtree at {@code oldPath} now start with {@code newPath}: copies of them follow. */
        default void moved(String oldPath, String newPath) {}

        /** The node was written (it was not older than the one held); {@code merge} only for a merged event. */
        default void written(OrganizationNode node, Merge merge) {}
    }

    private final ProcessedEvents processed;
    private final OrganizationTree tree;

    public OrganizationEvents(ProcessedEvents processed, OrganizationTree tree) {
        this.processed = processed;
        this.tree = tree;
    }

    /**
     * Applies the event for {@code consumer} (the ProcessedEvents key, e.g. "membership.organizations"); returns null
     * when applied, already applied or of another kind, else why it was skipped.
     */
    @Transactional
    public String apply(String consumer, JsonNode event, Reaction reaction) {
        String malformed = CloudEvents.envelope(event);
        if (malformed != null) {
            return malformed;
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        JsonNode o = CloudEvents.aggregate(event, PREFIX, "organization");
        if (o == null) {
            return null; // another kind of event on the topic: nothing to do
        }
        OrganizationNode node = parse(o);
        if (node == null) {
            return "data is not an organization with id, path, depth, type, status, name and version";
        }
        if (!processed.firstDelivery(consumer, id)) {
            return null; // redelivered
        }
        if (MOVED.equals(type)) {
            applyMove(event, node, reaction);
        }
        if (tree.upsert(node)) {
            reaction.written(node, MERGED.equals(type) ? Merge.read(event.path("data")) : null);
        }
        return null;
    }

    /** Rewrites the moved subtree's paths, unless this move is older than what is held for the moved organization. */
    private void applyMove(JsonNode event, OrganizationNode node, Reaction reaction) {
        String oldPath = event.path("data").path("oldPath").asText("");
        String newPath = event.path("data").path("newPath").asText("");
        if (!PATH.matcher(oldPath).matches() || !PATH.matcher(newPath).matches()) {
            throw new IllegalArgumentException("moved event without valid oldPath/newPath");
        }
        if (tree.versionOf(node.id()) <= node.version()) {
            tree.rewriteSubtree(oldPath, newPath);
            reaction.moved(oldPath, newPath);
        }
    }

    /** The organization of a state record or event, or null when it lacks a required field. */
    static OrganizationNode parse(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        UUID id = EventFields.uuid(o.path("id"));
        UUID parentId = EventFields.uuid(o.path("parentId"));
        String path = o.path("path").asText("");
        int depth = o.path("depth").asInt(-1);
        String type = EventFields.text(o.path("type"));
        String status = EventFields.text(o.path("status"));
        String name = EventFields.text(o.path("name"));
        String sector = o.path("sector").asText("OTHER"); // evaluations' reports need one
        long version = EventFields.version(o.path("version"));
        if (id == null || (parentId == null && o.hasNonNull("parentId")) || !PATH.matcher(path).matches() || depth < 0
                || type == null || status == null || name == null || version < 0) {
            return null;
        }
        return new OrganizationNode(id, parentId, path, depth, type, status, name, sector, version);
    }
}
