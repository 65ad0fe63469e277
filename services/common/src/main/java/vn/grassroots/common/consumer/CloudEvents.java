package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** The checks every consumer makes of a record before reading its data. */
public final class CloudEvents {
    private CloudEvents() {}

    /** Why the record is not a CloudEvent with an id and a type, or null when it is one. */
    public static String envelope(JsonNode event) {
        if (event == null || !event.isObject()) {
            return "not a CloudEvent object";
        }
        if (event.path("id").asText("").isBlank() || event.path("type").asText("").isBlank()) {
            return "no CloudEvent id or type";
        }
        return null;
    }
}
