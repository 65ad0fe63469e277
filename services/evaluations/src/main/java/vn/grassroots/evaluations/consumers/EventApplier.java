package vn.grassroots.evaluations.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.regex.Pattern;
import vn.grassroots.common.consumer.CloudEvents;
import vn.grassroots.common.consumer.MeetingHeld;
import vn.grassroots.common.consumer.MemberState;
import vn.grassroots.common.consumer.ProcessedEvents;
import vn.grassroots.common.consumer.UnexcusedAbsence;
import vn.grassroots.common.tree.OrganizationEvents;
import vn.grassroots.evaluations.domain.Inputs;
import vn.grassroots.evaluations.repository.InputsReadModel;
import vn.grassroots.evaluations.repository.PathCopies;

/**
 * Applies one CloudEvent of another service to a read model, once (ProcessedEvents), in one transaction. Each method
 * returns null when applied (or already applied, or of no interest), else why the record was skipped.
 */
@ApplicationScoped
public class EventApplier {
    static final String DISCIPLINED = MemberState.TYPE_PREFIX + "disciplined";
    static final String TASK_PREFIX = "vn.grassroots.task.";
    private static final Pattern MONTH = Pattern.compile("^\\d{4}-\\d{2}$");
    private static final Pattern ATTENDANCE = Pattern.compile("PRESENT|ABSENT_EXCUSED|ABSENT_UNEXCUSED");
    private static final String NO_MEETING = "meeting event without data.meeting.id";

    private final ProcessedEvents processed;
    private final OrganizationEvents organizations;
    private final PathCopies orgs;
    private final InputsReadModel inputs;

    public EventApplier(ProcessedEvents processed, OrganizationEvents organizations, PathCopies orgs,
            InputsReadModel inputs) {
        this.processed = processed;
        this.organizations = organizations;
        this.orgs = orgs;
        this.inputs = inputs;
    }

    /** Organizations through the shared applier; a move also rewrites the paths copied into this service's tables. */
    public String organization(String consumer, JsonNode event) {
        return organizations.apply("evaluations." + consumer, event, orgs);
    }

    @Transactional
    public String member(String consumer, JsonNode event) {
        String type = event.path("type").asText("");
        MemberState member = MemberState.of(event);
        if (member == null) {
            return null;
        }
        Inputs.Discipline discipline = null;
        if (DISCIPLINED.equals(type)) {
            discipline = IncomingDiscipline.read(event.path("data").path("discipline"));
            if (discipline == null) {
                return "disciplined event without discipline.form and discipline.decidedOn";
            }
        }
        String eventId = event.path("id").asText();
        if (!processed.firstDelivery("evaluations." + consumer, eventId)) {
            return null;
        }
        inputs.upsertMember(member.id(), member.fullName(), member.organizationId(), member.status(), member.version());
        if (discipline != null) {
            inputs.addDiscipline(eventId, member.id(), discipline);
        }
        return null;
    }

    @Transactional
    public String meeting(String consumer, JsonNode event) {
        String type = event.path("type").asText("");
        if (MeetingHeld.TYPE.equals(type)) {
            return held(consumer, event, MeetingHeld.read(event.path("data")));
        }
        if (UnexcusedAbsence.TYPE.equals(type)) {
            return absenceUnexcused(consumer, event, UnexcusedAbsence.read(event.path("data")));
        }
        return null;
    }

    /** Records the attendance of every member a held meeting lists. */
    private String held(String consumer, JsonNode event, MeetingHeld held) {
        if (held.id() == null) {
            return NO_MEETING;
        }
        if (held.year() == null || held.members() == null) {
            return "held event without meeting date or attendance.members";
        }
        if (!processed.firstDelivery("evaluations." + consumer, event.path("id").asText())) {
            return null;
        }
        for (MeetingHeld.Attendance a : held.members()) {
            if (ATTENDANCE.matcher(a.status()).matches()) {
                inputs.attendance(held.id(), a.memberId(), held.organizationId(), held.year(), a.status());
            }
        }
        return null;
    }

    private String absenceUnexcused(String consumer, JsonNode event, UnexcusedAbsence a) {
        if (a.meetingId() == null) {
            return NO_MEETING;
        }
        if (a.memberId() == null || !MONTH.matcher(a.month()).matches()) {
            return "absence-unexcused event without memberId and month";
        }
        if (!processed.firstDelivery("evaluations." + consumer, event.path("id").asText())) {
            return null;
        }
        inputs.attendance(a.meetingId(), a.memberId(), a.organizationId(), Integer.parseInt(a.month().substring(0, 4)), "ABSENT_UNEXCUSED");
        return null;
    }

    @Transactional
    public String task(String consumer, JsonNode event) {
        JsonNode t = CloudEvents.aggregate(event, TASK_PREFIX, "task");
        if (t == null) {
            return null;
        }
        IncomingTask task = IncomingTask.read(t);
        if (task == null) {
            return "data is not a task with id, assigneeId, dueDate, state and version";
        }
        if (!processed.firstDelivery("evaluations." + consumer, event.path("id").asText())) {
            return null;
        }
        inputs.upsertTask(task.id(), task.assigneeType(), task.assigneeId(), task.assigneeOrganizationId(), task.dueDate(), task.state(),
                task.completedOn(), task.onTime(), task.version());
        return null;
    }
}
