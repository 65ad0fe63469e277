package vn.grassroots.assignments.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * The data of a task event (contracts/events/grassroots.assignments.tasks.v1.schema.json): the task after the change,
 * as the SQL view task_payload writes it, and what a progress report or a cancellation adds next to it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskEventData(@JsonRawValue String task, Progress progress, String reason) {
    /** progress-reported: the report. */
    public record Progress(int percent, String note) {}
}
