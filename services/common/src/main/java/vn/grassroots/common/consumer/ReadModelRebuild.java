package vn.grassroots.common.consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.grassroots.common.kafka.KafkaConnection;

/**
 * Rebuilds a service's read models from the state topics: holds this instance's live consumers, deletes the rows the
 * state channels feed (and their processed event ids), then reads every state topic from the beginning up to its end
 * at the start with a fresh consumer (no group, nothing committed) and applies each record through the same path as
 * the live consumer ({@link IncomingEvents#batch}: poison is dead-lettered, infrastructure failures are retried). The
 * live consumers then go on from their own offsets; the version guard keeps the newer of a state record and an event.
 */
@ApplicationScoped
public class ReadModelRebuild {
    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    private final IncomingEvents incoming;
    private final KafkaConnection kafka;

    public ReadModelRebuild(IncomingEvents incoming, KafkaConnection kafka) {
        this.incoming = incoming;
        this.kafka = kafka;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-model-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile Status status = new Status("IDLE", null, null, Map.of(), null);

    @Schema(name = "RebuildStatus", description = "The last rebuild of the read models (tái dựng mô hình đọc) from the state topics")
    public record Status(@Schema(description = "IDLE, RUNNING, DONE or FAILED") String state, Instant startedAt, Instant finishedAt,
            @Schema(description = "Records read per state channel") Map<String, Long> records, String error) {}

    public Status status() {
        return status;
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public synchronized boolean start(ChannelAppliers appliers) {
        if ("RUNNING".equals(status.state())) {
            return false;
        }
        status = new Status("RUNNING", Instant.now(), null, Map.of(), null);
        executor.submit(() -> run(appliers));
        return true;
    }

    /** Rebuilds now, in the caller's thread. */
    public Status run(ChannelAppliers appliers) {
        Instant started = status.startedAt() != null && "RUNNING".equals(status.state()) ? status.startedAt() : Instant.now();
        Map<String, Long> counts = new LinkedHashMap<>();
        incoming.gate().writeLock().lock();
        try {
            QuarkusTransaction.requiringNew().run(appliers::resetReadModels);
            for (String channel : appliers.stateChannels()) {
                String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
                counts.put(channel, reread(channel, topic, appliers));
                status = new Status("RUNNING", started, null, Map.copyOf(counts), null);
            }
            status = new Status("DONE", started, Instant.now(), Map.copyOf(counts), null);
            LOG.infof("read models rebuilt from the state topics: %s", counts);
        } catch (RuntimeException e) {
            LOG.error("read model rebuild failed", e);
            status = new Status("FAILED", started, Instant.now(), Map.copyOf(counts), Failures.describe(e));
        } finally {
            incoming.gate().writeLock().unlock();
        }
        return status;
    }

    private long reread(String channel, String topic, ChannelAppliers appliers) {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "rebuild-" + channel);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            while (!done(consumer, end)) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    incoming.batch(channel, records, appliers);
                    read += records.count();
                }
            }
        }
        return read;
    }

    private static boolean done(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        return end.isEmpty();
    }
}
