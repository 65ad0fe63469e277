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

    /**
     * The aggregate a record carries: the whole data of a state record ({@code <prefix>state}), {@code data.<field>}
     * of an event of that prefix; null for a record of another kind.
     */
    public static JsonNode aggregate(JsonNode event, String typePrefix, String field) {
        String type = event == null ? "" : event.path("type").asText("");
        if ((typePrefix + "state").equals(type)) {
            return event.path("data");
        }
        return type.startsWith(typePrefix) ? event.path("data").path(field) : null;
    }
}
