package vn.grassroots.assignments;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tests read the other services' topics with a consumer group of their own, from the end. The shared test stack's
 * member topics hold hundreds of thousands of records of other modules' tests and imports; catching up with them
 * from the beginning takes many minutes on a shared machine, and each test feeds exactly what it needs anyway
 * ({@link Feed} waits until its consumers are assigned). Only on the test class path.
 */
public class FreshConsumerGroup implements ConfigSource {
    private final Map<String, String> values = Map.of(
            "mp.messaging.connector.smallrye-kafka.group.id", "assignments-test-" + UUID.randomUUID(),
            "mp.messaging.connector.smallrye-kafka.auto.offset.reset", "latest");

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "assignments-test-consumer-group";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
