package vn.grassroots.assignments.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.outbox.Outbox;

/**
 * What this service tells the others, through the outbox: assignment and task events keyed by their id, and the
 * latest state of each on the compacted state topics. The payloads come from the SQL views assignment_payload and
 * task_payload, so an event of one row and the events of many rows (one statement, {@link Outbox#publishEach})
 * have the same shape. Schemas: contracts/events/grassroots.assignments.*.schema.json.
 */
@ApplicationScoped
public class DomainEvents {
    public static final String ASSIGNMENTS = "grassroots.assignments.assignments.v1";
    public static final String ASSIGNMENTS_STATE = "grassroots.assignments.assignments-state.v1";
    public static final String TASKS = "grassroots.assignments.tasks.v1";
    public static final String TASKS_STATE = "grassroots.assignments.tasks-state.v1";

    public static final String ASSIGNMENT_CREATED = "vn.grassroots.assignment.created";
    public static final String ASSIGNMENT_ENDED = "vn.grassroots.assignment.ended";
    public static final String ASSIGNMENT_STATE = "vn.grassroots.assignment.state";
    public static final String TASK_ASSIGNED = "vn.grassroots.task.assigned";
    public static final String TASK_PROGRESS = "vn.grassroots.task.progress-reported";
    public static final String TASK_COMPLETED = "vn.grassroots.task.completed";
    public static final String TASK_CANCELLED = "vn.grassroots.task.cancelled";
    public static final String TASK_OVERDUE = "vn.grassroots.task.overdue";
    public static final String TASK_STATE = "vn.grassroots.task.state";

    private final Outbox outbox;
    private final EntityManager em;

    public DomainEvents(Outbox outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    /** An assignment event (its state after the change) and its state record. Flushes pending changes first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignment(String type, UUID id) {
        String payload = payload("assignment_payload", id);
        publish(ASSIGNMENTS, ASSIGNMENTS_STATE, "Assignment", type, ASSIGNMENT_STATE, id, new AssignmentEventData(payload), payload);
    }

    /** A task event (its state after the change) and its state record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void task(String type, UUID id) {
        task(type, id, null, null);
    }

    /** vn.grassroots.task.progress-reported, with the report next to the task. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void taskProgress(UUID id, TaskEventData.Progress progress) {
        task(TASK_PROGRESS, id, progress, null);
    }

    /** vn.grassroots.task.cancelled, with the reason next to the task. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void taskCancelled(UUID id, String reason) {
        task(TASK_CANCELLED, id, null, reason);
    }

    /** Events and state records of many assignments at once: {@code where} selects rows of assignment_payload p. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int assignments(String type, String where, Map<String, Object> params) {
        em.flush();
        int n = outbox.publishEach(ASSIGNMENTS, "Assignment", type,
                "SELECT p.id, jsonb_build_object('assignment', p.payload) AS payload FROM assignment_payload p WHERE " + where, params);
        outbox.publishEach(ASSIGNMENTS_STATE, "Assignment", ASSIGNMENT_STATE,
                "SELECT p.id, p.payload FROM assignment_payload p WHERE " + where, params);
        return n;
    }

    /** Events and state records of many tasks at once: {@code where} selects rows of task_payload p. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int tasks(String type, String where, Map<String, Object> params) {
        em.flush();
        int n = outbox.publishEach(TASKS, "Task", type,
                "SELECT p.id, jsonb_build_object('task', p.payload) AS payload FROM task_payload p WHERE " + where, params);
        outbox.publishEach(TASKS_STATE, "Task", TASK_STATE, "SELECT p.id, p.payload FROM task_payload p WHERE " + where, params);
        return n;
    }

    private void task(String type, UUID id, TaskEventData.Progress progress, String reason) {
        String payload = payload("task_payload", id);
        publish(TASKS, TASKS_STATE, "Task", type, TASK_STATE, id, new TaskEventData(payload, progress, reason), payload);
    }

    /** The row's payload from the view, after flushing pending changes. */
    private String payload(String view, UUID id) {
        em.flush();
        return (String) em.createNativeQuery("SELECT payload::text FROM " + view + " WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
    }

    private void publish(String topic, String stateTopic, String aggregate, String type, String stateType, UUID id,
            Object data, String payload) {
        outbox.publish(topic, aggregate, id, type, JsonText.of(data));
        outbox.publish(stateTopic, aggregate, id, stateType, payload);
    }
}
