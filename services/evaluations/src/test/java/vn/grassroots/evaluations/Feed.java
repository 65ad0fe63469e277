package vn.grassroots.evaluations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import vn.grassroots.testing.CloudEvents;
import vn.grassroots.testing.MemberFeed;
import vn.grassroots.testing.OrganizationFeed;
import vn.grassroots.testing.OrganizationFeed.Org;
import vn.grassroots.testing.ReadModels;

/**
 * Acts as the other services in tests: publishes real CloudEvents on their topics (organizations, members,
 * meetings, tasks) and waits until the evaluations read models have applied them. Events of topics that have a
 * schema in contracts/ are checked against it; meetings and tasks have none on this branch yet, and the member
 * schema here does not list vn.grassroots.member.disciplined yet, so those are sent as the agreed contract says.
 */
final class Feed {
    static final String ORGS = OrganizationFeed.TOPIC;
    static final String ORGS_STATE = OrganizationFeed.STATE_TOPIC;
    static final String MEMBERS = MemberFeed.TOPIC;
    static final String MEMBERS_STATE = MemberFeed.STATE_TOPIC;
    static final String MEETINGS = "grassroots.meetings.meetings.v1";
    static final String TASKS = "grassroots.assignments.tasks.v1";
    static final ObjectMapper JSON = CloudEvents.JSON;

    private Feed() {}

    private static boolean ready;

    /**
     * The consumers start at the end of their topics (test profile), and a record published before a consumer's
     * partitions are assigned would be missed: probes go on every consumed topic until each is applied.
     */
    static synchronized void ready() {
        if (ready) {
            return;
        }
        Org probe = org(null, "PROVINCIAL_COMMITTEE", "OTHER", "Probe");
        String member = UUID.randomUUID().toString();
        String task = UUID.randomUUID().toString();
        String meeting = UUID.randomUUID().toString();
        probe(() -> sendRaw(ORGS_STATE, probe.id, envelope("/grassroots/organization", "vn.grassroots.organization.state", probe.id, probe.json()).toString()),
                () -> count("SELECT count(*) FROM org_ref WHERE id = '" + probe.id + "'") == 1);
        probe(() -> {
            probe.version++;
            ObjectNode data = JSON.createObjectNode();
            data.set("organization", probe.json());
            sendRaw(ORGS, probe.id, envelope("/grassroots/organization", "vn.grassroots.organization.updated", probe.id, data).toString());
        }, () -> count("SELECT count(*) FROM org_ref WHERE id = '" + probe.id + "' AND version > 0") == 1);
        probe(() -> sendRaw(MEMBERS_STATE, member, envelope("/grassroots/membership", "vn.grassroots.member.state", member,
                member(member, "Probe", probe.id, "OFFICIAL", 0)).toString()),
                () -> count("SELECT count(*) FROM member_ref WHERE id = '" + member + "'") == 1);
        probe(() -> {
            ObjectNode data = JSON.createObjectNode();
            data.set("member", member(member, "Probe", probe.id, "OFFICIAL", 1));
            sendRaw(MEMBERS, member, envelope("/grassroots/membership", "vn.grassroots.member.profile-changed", member, data).toString());
        }, () -> count("SELECT count(*) FROM member_ref WHERE id = '" + member + "' AND version = 1") == 1);
        probe(() -> held(meeting, probe.id, "2020-01-15", Map.of(member, "PRESENT")),
                () -> count("SELECT count(*) FROM meeting_attendance WHERE meeting_id = '" + meeting + "'") == 1);
        probe(() -> sendTask(task, member, probe.id, "2020-03-01", "ASSIGNED", null, null, 0),
                () -> count("SELECT count(*) FROM task_ref WHERE id = '" + task + "'") == 1);
        ready = true;
    }

    private static void probe(Runnable send, Supplier<Boolean> applied) {
        ReadModels.probe("a topic of the evaluations service", Duration.ofSeconds(120), send, applied::get);
    }

    static Org org(Org parent, String type, String sector, String name) {
        return OrganizationFeed.org(parent, type, sector, name);
    }

    /** Province → district → commune committee (grassroots) → village cells A and B; a school cell (grassroots) under the district. */
    record Tree(Org province, Org district, Org commune, Org cellA, Org cellB, Org school) {}

    static Tree tree(String label) {
        ready();
        OrganizationFeed.Commune t = OrganizationFeed.commune(label);
        Org s = org(t.district(), "GRASSROOTS_CELL", "PUBLIC_SERVICE", "Chi bộ Trường THPT Tuần Giáo " + label);
        List<Org> all = List.of(t.province(), t.district(), t.commune(), t.cellA(), t.cellB(), s);
        for (Org o : all) {
            OrganizationFeed.publishState(o);
        }
        for (Org o : all) {
            await("organization " + o.name, () -> count("SELECT count(*) FROM org_ref WHERE id = '" + o.id + "' AND version = " + o.version) == 1);
        }
        return new Tree(t.province(), t.district(), t.commune(), t.cellA(), t.cellB(), s);
    }

    static ObjectNode member(String id, String name, String orgId, String status, long version) {
        return MemberFeed.member(id, name, orgId, status, version).json();
    }

    /** Members on the membership state topic, active in {@code orgId}; waits until all are applied. Returns their ids. */
    static List<String> members(String orgId, String namePrefix, int n) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            send(MEMBERS_STATE, id, envelope("/grassroots/membership", "vn.grassroots.member.state", id,
                    member(id, namePrefix + " " + String.format("%03d", i), orgId, "OFFICIAL", 0)));
        }
        String last = ids.get(ids.size() - 1);
        await("members of " + namePrefix, () -> count("SELECT count(*) FROM member_ref WHERE id IN ('" + String.join("','", ids) + "')") == n);
        return ids;
    }

    /** A vn.grassroots.member.disciplined event (the agreed contract: data.member and data.discipline). */
    static void disciplined(String memberId, String name, String orgId, String form, String decidedOn) {
        ObjectNode data = JSON.createObjectNode();
        data.set("member", member(memberId, name, orgId, "OFFICIAL", 5));
        ObjectNode d = data.putObject("discipline");
        d.put("form", form);
        d.put("decidedOn", decidedOn);
        d.putObject("decision").put("number", "12-QĐ/ĐU").put("date", decidedOn).put("issuer", "Đảng ủy xã Quài Cang");
        d.put("reason", "Vi phạm quy định về những điều đảng viên không được làm");
        ObjectNode e = envelope("/grassroots/membership", "vn.grassroots.member.disciplined", memberId, data);
        sendRaw(MEMBERS, memberId, e.toString());
        await("discipline of " + memberId, () -> count("SELECT count(*) FROM member_discipline WHERE member_id = '" + memberId + "'") > 0);
    }

    /** A held meeting with each member's attendance status (vn.grassroots.meeting.held). */
    static String held(String orgId, String meetingDate, Map<String, String> statuses) {
        String meetingId = UUID.randomUUID().toString();
        held(meetingId, orgId, meetingDate, statuses);
        await("meeting " + meetingId, () -> count("SELECT count(*) FROM meeting_attendance WHERE meeting_id = '" + meetingId + "'") == statuses.size());
        return meetingId;
    }

    static void held(String meetingId, String orgId, String meetingDate, Map<String, String> statuses) {
        ObjectNode data = JSON.createObjectNode();
        ObjectNode m = data.putObject("meeting");
        m.put("id", meetingId).put("organizationId", orgId).put("kind", "REGULAR").put("format", "IN_PERSON")
                .put("startsAt", meetingDate + "T01:00:00Z").put("meetingDate", meetingDate).put("topic", "Sinh hoạt chi bộ định kỳ")
                .put("state", "HELD").put("version", 3).put("updatedAt", Instant.now().toString());
        ObjectNode a = data.putObject("attendance");
        long present = statuses.values().stream().filter("PRESENT"::equals).count();
        a.put("expected", statuses.size()).put("expectedOfficial", statuses.size()).put("present", present)
                .put("absentExcused", statuses.values().stream().filter("ABSENT_EXCUSED"::equals).count())
                .put("absentUnexcused", statuses.values().stream().filter("ABSENT_UNEXCUSED"::equals).count())
                .put("quorumMet", true).put("superiorAttended", false);
        a.putArray("superiorAttendeeIds");
        ArrayNode list = a.putArray("members");
        statuses.forEach((id, s) -> list.addObject().put("memberId", id).put("status", s));
        sendRaw(MEETINGS, meetingId, envelope("/grassroots/meetings", "vn.grassroots.meeting.held", meetingId, data).toString());
    }

    /** A task event (vn.grassroots.task.*) for a member assignee. */
    static void task(String taskId, String memberId, String orgId, String dueDate, String state, String completedOn, Boolean onTime, long version) {
        sendTask(taskId, memberId, orgId, dueDate, state, completedOn, onTime, version);
        await("task " + taskId, () -> count("SELECT count(*) FROM task_ref WHERE id = '" + taskId + "' AND version = " + version) == 1);
    }

    static void sendTask(String taskId, String memberId, String orgId, String dueDate, String state, String completedOn, Boolean onTime, long version) {
        ObjectNode data = JSON.createObjectNode();
        ObjectNode t = data.putObject("task");
        t.put("id", taskId).putNull("planId");
        t.put("issuingOrganizationId", orgId).put("title", "Vận động hộ gia đình tham gia xây dựng nông thôn mới")
                .put("assigneeType", "MEMBER").put("assigneeId", memberId).put("assigneeOrganizationId", orgId).put("dueDate", dueDate)
                .put("state", state).put("completedOn", completedOn);
        if (onTime == null) {
            t.putNull("onTime");
        } else {
            t.put("onTime", onTime);
        }
        t.put("overdue", false).put("version", version).put("updatedAt", Instant.now().toString());
        String type = "DONE".equals(state) ? "vn.grassroots.task.completed" : "vn.grassroots.task.assigned";
        sendRaw(TASKS, taskId, envelope("/grassroots/assignments", type, taskId, data).toString());
    }

    static ObjectNode envelope(String source, String type, String subject, ObjectNode data) {
        return CloudEvents.envelope(source, type, subject, data);
    }

    static void send(String topic, String key, ObjectNode event) {
        CloudEvents.send(topic, key, event, true);
    }

    static void sendRaw(String topic, String key, String value) {
        CloudEvents.sendRaw(topic, key, value);
    }

    static long count(String sql) {
        return ReadModels.count(sql);
    }

    static void await(String what, Supplier<Boolean> done) {
        ReadModels.await(what, Duration.ofSeconds(90), done::get);
    }
}
