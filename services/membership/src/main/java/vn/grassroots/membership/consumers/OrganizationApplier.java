package vn.grassroots.membership.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.grassroots.common.consumer.ProcessedEvents;
import vn.grassroots.membership.domain.OrgRef;
import vn.grassroots.membership.repository.OrganizationReadModel;

/** Applies one organization CloudEvent to the read model, once (ProcessedEvents), in one transaction. */
@ApplicationScoped
public class OrganizationApplier {
    static final String STATE_TYPE = "vn.grassroots.organization.state";
    static final String EVENT_PREFIX = "vn.grassroots.organization.";
    static final String MOVED = EVENT_PREFIX + "moved";
    static final String MERGED = EVENT_PREFIX + "merged";
    private static final Pattern PATH = Pattern.compile("^(/[0-9a-f-]{36})+/$");

    @Inject
    ProcessedEvents processed;

    @Inject
    OrganizationReadModel orgs;

    @Inject
    vn.grassroots.membership.service.MergeReaction mergeReaction;

    /** Applies the event; returns null when applied (or already applied), else why it was skipped. */
    @Transactional
    public String apply(String consumer, JsonNode event) {
        if (event == null || !event.isObject()) {
            return "not a CloudEvent object";
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        if (id.isBlank() || type.isBlank()) {
            return "no CloudEvent id or type";
        }
        JsonNode org;
        if (STATE_TYPE.equals(type)) {
            org = event.path("data");
        } else if (type.startsWith(EVENT_PREFIX)) {
            org = event.path("data").path("organization");
        } else {
            return null; // another kind of event on the topic: nothing to do
        }
        OrgRef ref = parse(org);
        if (ref == null) {
            return "data is not an organization with id, path, depth, type, status, name and version";
        }
        if (!processed.firstDelivery("membership." + consumer, id)) {
            return null; // redelivered
        }
        if (MOVED.equals(type)) {
            String oldPath = event.path("data").path("oldPath").asText("");
            String newPath = event.path("data").path("newPath").asText("");
            if (!PATH.matcher(oldPath).matches() || !PATH.matcher(newPath).matches()) {
                throw new IllegalArgumentException("moved event without valid oldPath/newPath");
            }
            // only when this move is not older than what we hold for the moved organization
            if (orgs.versionOf(ref.id) <= ref.version) {
                orgs.rewriteSubtree(oldPath, newPath);
            }
        }
        boolean applied = orgs.upsert(ref);
        if (applied && MERGED.equals(type) && "MERGED".equals(ref.status)) {
            JsonNode data = event.path("data");
            UUID target = uuid(data.path("targetId").asText(""));
            JsonNode d = data.path("decision");
            vn.grassroots.membership.domain.Decision decision = d.hasNonNull("number") && d.hasNonNull("date")
                    ? new vn.grassroots.membership.domain.Decision(d.path("number").asText(), java.time.LocalDate.parse(d.path("date").asText()))
                    : null;
            if (target != null) {
                mergeReaction.merged(ref.id, target, decision);
            }
        }
        return null;
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OrgRef parse(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        try {
            OrgRef r = new OrgRef();
            r.id = UUID.fromString(o.path("id").asText());
            r.parentId = o.hasNonNull("parentId") ? UUID.fromString(o.path("parentId").asText()) : null;
            r.path = o.path("path").asText("");
            r.depth = o.path("depth").asInt(-1);
            r.type = o.path("type").asText("");
            r.status = o.path("status").asText("");
            r.name = o.path("name").asText("");
            r.version = o.path("version").asLong(-1);
            if (!PATH.matcher(r.path).matches() || r.depth < 0 || r.type.isBlank() || r.status.isBlank()
                    || r.name.isBlank() || !o.path("version").canConvertToLong() || r.version < 0) {
                return null;
            }
            return r;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
