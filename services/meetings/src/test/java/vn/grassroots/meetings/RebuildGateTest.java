package vn.grassroots.meetings;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.consumer.ChannelAppliers;
import vn.grassroots.common.consumer.IncomingEvents;
import vn.grassroots.common.consumer.ReadModelRebuild;

/**
 * A rebuild of the read models and the live consumers exclude each other, through the beans as the application
 * injects them (a rebuild once took its lock through the consumers' client proxy: a lock no consumer ever took).
 */
@QuarkusTest
class RebuildGateTest {
    @Inject
    IncomingEvents incoming;

    @Inject
    ReadModelRebuild rebuild;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aRebuildWaitsUntilTheEventBeingAppliedIsDone() throws Exception {
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch reset = new CountDownLatch(1);
        Future<?> consumer = threads.submit(() -> incoming.handle("gate-test", record(), event -> {
            applying.countDown();
            await(release);
            return null;
        }));
        assertTrue(applying.await(10, SECONDS));
        Future<ReadModelRebuild.Status> rebuilt = threads.submit(() -> rebuild.run(appliers(reset, new CountDownLatch(0))));
        assertFalse(reset.await(500, MILLISECONDS), "the read models were reset while an event was being applied");
        release.countDown();
        assertTrue(reset.await(10, SECONDS));
        assertEquals("DONE", rebuilt.get(10, SECONDS).state());
        consumer.get(10, SECONDS);
    }

    @Test
    void noEventIsAppliedWhileARebuildRuns() throws Exception {
        CountDownLatch resetting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch applied = new CountDownLatch(1);
        Future<ReadModelRebuild.Status> rebuilt = threads.submit(() -> rebuild.run(appliers(resetting, release)));
        assertTrue(resetting.await(10, SECONDS));
        Future<?> consumer = threads.submit(() -> incoming.handle("gate-test", record(), event -> {
            applied.countDown();
            return null;
        }));
        assertFalse(applied.await(500, MILLISECONDS), "an event was applied while the read models were being rebuilt");
        release.countDown();
        assertTrue(applied.await(10, SECONDS));
        assertEquals("DONE", rebuilt.get(10, SECONDS).state());
        consumer.get(10, SECONDS);
    }

    /** Read models that only tell when they are reset, and wait for {@code release} then; no state channel to re-read. */
    private static ChannelAppliers appliers(CountDownLatch reset, CountDownLatch release) {
        return new ChannelAppliers() {
            @Override
            public String apply(String channel, JsonNode event) {
                return null;
            }

            @Override
            public List<String> stateChannels() {
                return List.of();
            }

            @Override
            public void resetReadModels() {
                reset.countDown();
                await(release);
            }
        };
    }

    private static ConsumerRecord<String, String> record() {
        String id = UUID.randomUUID().toString();
        return new ConsumerRecord<>("gate-test", 0, 0, id, "{\"id\":\"" + id + "\",\"type\":\"vn.grassroots.test\"}");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
