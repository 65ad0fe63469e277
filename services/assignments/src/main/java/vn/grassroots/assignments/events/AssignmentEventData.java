package vn.grassroots.assignments.events;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * The data of an assignment event (contracts/events/grassroots.assignments.assignments.v1.schema.json): the assignment
 * after the change, as the SQL view assignment_payload writes it.
 */
public record AssignmentEventData(@JsonRawValue String assignment) {}
