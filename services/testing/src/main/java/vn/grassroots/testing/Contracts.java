package vn.grassroots.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks events against the JSON Schemas in contracts/events: what is published is what is documented. */
public final class Contracts {
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Contracts() {}

    /** Fails unless {@code event} matches the schema of {@code topic} (contracts/events/TOPIC.schema.json). */
    public static void check(String topic, JsonNode event) {
        Set<ValidationMessage> errors = SCHEMAS.computeIfAbsent(topic, Contracts::load).validate(event);
        if (!errors.isEmpty()) {
            throw new AssertionError("event on " + topic + " breaks its contract: " + errors + "\n" + event.toPrettyString());
        }
    }

    private static JsonSchema load(String topic) {
        Path file = contractsDir().resolve("events").resolve(topic + ".schema.json");
        if (!Files.exists(file)) {
            throw new AssertionError("topic " + topic + " has no schema at " + file);
        }
        return FACTORY.getSchema(SchemaLocation.of(file.toUri().toString()), CONFIG);
    }

    /** contracts/ of the repository, found upwards from the module that runs the tests. */
    static Path contractsDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts/events"))) {
                return dir.resolve("contracts");
            }
        }
        throw new AssertionError("no contracts/events folder above " + Path.of("").toAbsolutePath());
    }
}
