package vn.grassroots.assignments.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /** An assignment event (its state after the change) and its state record. Flushes pending changes first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignment(String type, UUID id) {
        one(ASSIGNMENTS, ASSIGNMENTS_STATE, "Assignment", "assignment_payload", "assignment", type, ASSIGNMENT_STATE, id, Map.of());
    }

    /** A task event (its state after the change, plus {@code details} next to it) and its state record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void task(String type, UUID id, Map<String, Object> details) {
        one(TASKS, TASKS_STATE, "Task", "task_payload", "task", type, TASK_STATE, id, details);
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

    private void one(String topic, String stateTopic, String aggregate, String view, String field, String type,
            String stateType, UUID id, Map<String, Object> details) {
        em.flush();
        String payload = (String) em.createNativeQuery("SELECT payload::text FROM " + view + " WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
        StringBuilder data = new StringBuilder("{\"").append(field).append("\":").append(payload);
        details.forEach((k, v) -> data.append(",\"").append(k).append("\":").append(JsonText.of(v)));
        data.append('}');
        outbox.publish(topic, aggregate, id, type, data.toString());
        outbox.publish(stateTopic, aggregate, id, stateType, payload);
    }
}
