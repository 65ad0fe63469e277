package vn.grassroots.assignments;

import java.util.Map;
import java.util.UUID;
import vn.grassroots.testing.FixedConfigSource;

/**
 * Tests read the other services' topics with a consumer group of their own, from the end. The shared test stack's
 * member topics hold hundreds of thousands of records of other modules' tests and imports; catching up with them
 * from the beginning takes many minutes on a shared machine, and each test feeds exactly what it needs anyway
 * ({@link Feed} waits until its consumers are assigned). Only on the test class path.
 */
public class FreshConsumerGroup extends FixedConfigSource {
    public FreshConsumerGroup() {
        super("assignments-test-consumer-group", 275, Map.of(
                "mp.messaging.connector.smallrye-kafka.group.id", "assignments-test-" + UUID.randomUUID(),
                "mp.messaging.connector.smallrye-kafka.auto.offset.reset", "latest"));
    }
}
