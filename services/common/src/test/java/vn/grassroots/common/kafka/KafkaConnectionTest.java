package vn.grassroots.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {
    @Test
    void theConnectionAndItsSecurityAndNothingElse() {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "kafka.bootstrap.servers", "grassroots-kafka-bootstrap:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"membership\" password=\"p\";",
                "kafka.ssl.truststore.type", "PEM",
                "kafka.group.id", "membership",
                "mp.messaging.incoming.members.topic", "grassroots.membership.members.v1"), "test", 100)).build();
        Properties p = KafkaConnection.properties(config);
        assertEquals(Map.of("bootstrap.servers", "grassroots-kafka-bootstrap:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"membership\" password=\"p\";",
                "ssl.truststore.type", "PEM"), p);
    }

    @Test
    void locallyOnlyTheBootstrapServers() {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "kafka.bootstrap.servers", "localhost:59092,localhost:59094"), "test", 100)).build();
        assertEquals(Map.of("bootstrap.servers", "localhost:59092,localhost:59094"), KafkaConnection.properties(config));
    }
}
