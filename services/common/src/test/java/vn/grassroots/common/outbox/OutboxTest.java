package vn.grassroots.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payload an outbox row stores. */
class OutboxTest {
    static final ObjectMapper JSON = new ObjectMapper();

    record Moved(String id, List<String> path) {}

    @Test
    void aStringIsStoredAsTheJsonItAlreadyIs() {
        assertEquals("{\"id\":\"x\"}", Outbox.toJson(JSON, "{\"id\":\"x\"}"));
        // not parsed here: the cast to jsonb in the insert refuses text that is not JSON
        assertEquals("not json", Outbox.toJson(JSON, "not json"));
    }

    @Test
    void anythingElseIsSerialized() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Chi bộ Hà Đông");
        m.put("version", 3);
        assertEquals("{\"name\":\"Chi bộ Hà Đông\",\"version\":3}", Outbox.toJson(JSON, m));
        assertEquals("{\"id\":\"1\",\"path\":[\"/a/\",\"/a/b/\"]}", Outbox.toJson(JSON, new Moved("1", List.of("/a/", "/a/b/"))));
        assertEquals("null", Outbox.toJson(JSON, null));
    }

    @Test
    void aPayloadThatCannotBeSerializedIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Outbox.toJson(JSON, new Object()));
        assertEquals("event payload cannot be serialized", e.getMessage());
    }
}
