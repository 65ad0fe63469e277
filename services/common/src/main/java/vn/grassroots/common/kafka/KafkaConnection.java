package vn.grassroots.common.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the Kafka clients a service builds itself (the outbox relay's producer and admin, dead letters, rebuilds)
 * connect: the bootstrap servers and the connection's security ({@code kafka.security.protocol}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*}, e.g. SCRAM over TLS to a Strimzi cluster), the same {@code kafka.*} settings the SmallRye
 * channels take.
 */
@ApplicationScoped
public class KafkaConnection {
    private static final String PREFIX = "kafka.";

    /** A new set of client properties holding the connection settings; the caller adds its own. */
    public Properties properties() {
        return properties(ConfigProvider.getConfig());
    }

    static Properties properties(Config config) {
        Properties p = new Properties();
        p.put("bootstrap.servers", config.getValue(PREFIX + "bootstrap.servers", String.class));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX + "security.") || name.startsWith(PREFIX + "sasl.") || name.startsWith(PREFIX + "ssl.")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> p.put(name.substring(PREFIX.length()), v));
            }
        }
        return p;
    }
}
