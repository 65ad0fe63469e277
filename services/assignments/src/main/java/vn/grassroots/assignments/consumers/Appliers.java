package vn.grassroots.assignments.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.grassroots.assignments.domain.MemberRef;
import vn.grassroots.assignments.domain.OrgRef;
import vn.grassroots.assignments.repository.MeetingReadModel;
import vn.grassroots.assignments.repository.MemberReadModel;
import vn.grassroots.assignments.repository.OrganizationReadModel;
import vn.grassroots.assignments.service.AssignmentService;
import vn.grassroots.common.consumer.ProcessedEvents;

/**
 * Applies one CloudEvent of another service to a read model, once (ProcessedEvents), in one transaction, and ends
 * the assignments of a person who left or of an organization that was dissolved or merged, in the same transaction.
 * Each method returns null when applied (or already applied, or not of interest), else why the event was skipped.
 * State records are not remembered in processed_event: applying the latest state again is harmless (version-guarded
 * upsert; only ACTIVE assignments are ended), and a first start reads hundreds of thousands of them.
 */
@ApplicationScoped
public class Appliers {
    static final String ORG_STATE = "vn.grassroots.organization.state";
    static final String ORG_PREFIX = "vn.grassroots.organization.";
    static final String MEMBER_STATE = "vn.grassroots.member.state";
    static final String MEMBER_PREFIX = "vn.grassroots.member.";
    static final String MEETING_HELD = "vn.grassroots.meeting.held";
    private static final Pattern PATH = Pattern.compile("^(/[0-9a-f-]{36})+/$");

    @Inject
    ProcessedEvents processed;

    @Inject
    OrganizationReadModel orgs;

    @Inject
    MemberReadModel members;

    @Inject
    MeetingReadModel meetings;

    @Inject
    AssignmentService assignments;

    @Transactional
    public String organization(String consumer, JsonNode event) {
        String problem = envelope(event);
        if (problem != null) {
            return problem;
        }
        String type = event.path("type").asText();
        JsonNode org;
        if (ORG_STATE.equals(type)) {
            org = event.path("data");
        } else if (type.startsWith(ORG_PREFIX)) {
            org = event.path("data").path("organization");
        } else {
            return null;
        }
        OrgRef ref = parseOrg(org);
        if (ref == null) {
            return "data is not an organization with id, path, depth, type, status, name and version";
        }
        if (!ORG_STATE.equals(type) && !processed.firstDelivery("assignments." + consumer, event.path("id").asText())) {
            return null;
        }
        if ((ORG_PREFIX + "moved").equals(type)) {
            String oldPath = event.path("data").path("oldPath").asText("");
            String newPath = event.path("data").path("newPath").asText("");
            if (!PATH.matcher(oldPath).matches() || !PATH.matcher(newPath).matches()) {
                throw new IllegalArgumentException("moved event without valid oldPath/newPath");
            }
            if (orgs.versionOf(ref.id) <= ref.version) {
                orgs.rewriteSubtree(oldPath, newPath);
            }
        }
        if (orgs.upsert(ref) && !ref.isActive()) {
            // only ACTIVE assignments are ended, so a redelivered or repeated state record ends nothing twice
            assignments.endForOrganization(ref.id, "ORGANIZATION_" + ref.status);
        }
        return null;
    }

    @Transactional
    public String member(String consumer, JsonNode event) {
        String problem = envelope(event);
        if (problem != null) {
            return problem;
        }
        String type = event.path("type").asText();
        JsonNode m;
        if (MEMBER_STATE.equals(type)) {
            m = event.path("data");
        } else if (type.startsWith(MEMBER_PREFIX)) {
            m = event.path("data").path("member");
        } else {
            return null;
        }
        MemberRef ref = parseMember(m);
        if (ref == null) {
            return "data is not a member with id, fullName, organizationId, status and version";
        }
        if (!MEMBER_STATE.equals(type) && !processed.firstDelivery("assignments." + consumer, event.path("id").asText())) {
            return null;
        }
        if (members.upsert(ref) && MemberRef.LEFT.contains(ref.status)) {
            assignments.endForPerson(ref.id, "MEMBER_" + ref.status);
        }
        return null;
    }

    @Transactional
    public String meeting(String consumer, JsonNode event) {
        String problem = envelope(event);
        if (problem != null) {
            return problem;
        }
        if (!MEETING_HELD.equals(event.path("type").asText())) {
            return null; // other meeting events do not change attendance
        }
        JsonNode data = event.path("data");
        JsonNode meeting = data.path("meeting");
        UUID id = uuid(meeting.path("id").asText(""));
        UUID org = uuid(meeting.path("organizationId").asText(""));
        String kind = meeting.path("kind").asText("");
        LocalDate date;
        try {
            date = LocalDate.parse(meeting.path("meetingDate").asText(""));
        } catch (RuntimeException e) {
            date = null;
        }
        if (id == null || org == null || kind.isBlank() || date == null || !meeting.path("version").canConvertToLong()) {
            return "data.meeting has no id, organizationId, kind, meetingDate or version";
        }
        List<UUID> attendees = new ArrayList<>();
        for (JsonNode a : data.path("attendance").path("superiorAttendeeIds")) {
            UUID u = uuid(a.asText(""));
            if (u != null) {
                attendees.add(u);
            }
        }
        if (!processed.firstDelivery("assignments." + consumer, event.path("id").asText())) {
            return null;
        }
        meetings.upsert(id, org, kind, date, attendees, meeting.path("version").asLong());
        return null;
    }

    private static String envelope(JsonNode event) {
        if (event == null || !event.isObject()) {
            return "not a CloudEvent object";
        }
        if (event.path("id").asText("").isBlank() || event.path("type").asText("").isBlank()) {
            return "no CloudEvent id or type";
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

    private static MemberRef parseMember(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        MemberRef r = new MemberRef();
        r.id = uuid(o.path("id").asText(""));
        r.organizationId = uuid(o.path("organizationId").asText(""));
        r.fullName = o.path("fullName").asText("");
        r.status = o.path("status").asText("");
        r.version = o.path("version").asLong(-1);
        if (r.id == null || r.organizationId == null || r.fullName.isBlank() || r.status.isBlank()
                || !o.path("version").canConvertToLong() || r.version < 0) {
            return null;
        }
        return r;
    }

    private static OrgRef parseOrg(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        OrgRef r = new OrgRef();
        r.id = uuid(o.path("id").asText(""));
        r.parentId = o.hasNonNull("parentId") ? uuid(o.path("parentId").asText("")) : null;
        r.path = o.path("path").asText("");
        r.depth = o.path("depth").asInt(-1);
        r.type = o.path("type").asText("");
        r.sector = o.hasNonNull("sector") ? o.path("sector").asText() : null;
        r.status = o.path("status").asText("");
        r.name = o.path("name").asText("");
        r.version = o.path("version").asLong(-1);
        if (r.id == null || !PATH.matcher(r.path).matches() || r.depth < 0 || r.type.isBlank() || r.status.isBlank()
                || r.name.isBlank() || !o.path("version").canConvertToLong() || r.version < 0) {
            return null;
        }
        return r;
    }
}
