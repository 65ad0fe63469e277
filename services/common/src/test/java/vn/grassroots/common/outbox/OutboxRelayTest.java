package vn.grassroots.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What the relay decides without Kafka or the database: the CloudEvent and record of a row, pauses and rounds. */
class OutboxRelayTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "/grassroots/membership";
    static final UUID EVENT = UUID.fromString("6f1c9a53-5a0e-4a51-9a55-2f0f3d7f0b11");
    static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /** An outbox row as the relay claims it. */
    static Object[] claimed(Object seq, String correlation, String actor, Object created, String traceparent) {
        return new Object[] {seq, EVENT, "grassroots.members.v1", "m-1", "MemberRegistered", "{\"fullName\":\"Lò Văn Á\",\"version\":1}",
                correlation, actor, created, traceparent};
    }

    @Test
    void aRowBecomesAStructuredCloudEventWithItsPayloadAsData() throws Exception {
        OffsetDateTime created = OffsetDateTime.of(2025, 1, 5, 9, 30, 0, 123_000_000, ZoneOffset.ofHours(7));
        String e = OutboxRecords.envelope(JSON, SOURCE, claimed(42L, "c-1", "an", created, TRACE));
        assertEquals("{\"specversion\":\"1.0\",\"id\":\"6f1c9a53-5a0e-4a51-9a55-2f0f3d7f0b11\",\"source\":\"/grassroots/membership\","
                + "\"type\":\"MemberRegistered\",\"subject\":\"m-1\",\"time\":\"2025-01-05T02:30:00.123Z\","
                + "\"datacontenttype\":\"application/json\",\"correlationid\":\"c-1\",\"actor\":\"an\",\"traceparent\":\"" + TRACE + "\","
                + "\"data\":{\"fullName\":\"Lò Văn Á\",\"version\":1}}", e);
        assertTrue(JSON.readTree(e).get("data").isObject(), "data is JSON, not a string holding JSON");
    }

    @Test
    void attributesWithoutAValueAreLeftOut() throws Exception {
        JsonNode e = JSON.readTree(OutboxRecords.envelope(JSON, SOURCE, claimed(1L, null, null, Instant.parse("2025-01-05T02:30:00Z"), null)));
        assertFalse(e.has("correlationid"));
        assertFalse(e.has("actor"));
        assertFalse(e.has(TraceParent.NAME));
        assertEquals("2025-01-05T02:30:00Z", e.get("time").asText());
        assertEquals(List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"),
                names(e));
    }

    static List<String> names(JsonNode e) {
        List<String> out = new ArrayList<>();
        e.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theEventTimeIsUtcWhateverTheDriverGives() {
        Instant t = Instant.parse("2025-01-05T02:30:00.5Z");
        assertEquals("2025-01-05T02:30:00.500Z", OutboxRecords.time(t.atOffset(ZoneOffset.ofHours(7))));
        assertEquals("2025-01-05T02:30:00.500Z", OutboxRecords.time(t));
        assertEquals("2025-01-05T02:30:00.500Z", OutboxRecords.time(Timestamp.from(t)));
        assertEquals("2025-01-05 09:30", OutboxRecords.time("2025-01-05 09:30"), "anything else as the driver wrote it");

        assertEquals(t, OutboxRecords.instant(t.atOffset(ZoneOffset.ofHours(7))));
        assertEquals(t, OutboxRecords.instant(t));
        assertEquals(t, OutboxRecords.instant(Timestamp.from(t)));
        assertEquals(t, OutboxRecords.instant("2025-01-05T02:30:00.500Z"));
    }

    @Test
    void aRowIsKeyedByItsAggregateAndOrderedPerTopicAndKey() throws Exception {
        OutboxRecords.Row row = OutboxRecords.row(JSON, SOURCE, claimed(BigInteger.valueOf(7), null, null, Instant.EPOCH, TRACE));
        assertEquals(7L, row.seq());
        assertEquals("grassroots.members.v1", row.topic());
        assertEquals("m-1", row.key());
        assertEquals(TRACE, row.traceparent());
        assertEquals(OutboxRecords.envelope(JSON, SOURCE, claimed(7L, null, null, Instant.EPOCH, TRACE)), row.value());
        assertEquals("grassroots.members.v1\nm-1", row.ordering());
        assertNotEquals(new OutboxRecords.Row(1, "t", "k1", "", null).ordering(), new OutboxRecords.Row(2, "t", "k2", "", null).ordering());
        assertNotEquals(new OutboxRecords.Row(1, "t1", "k", "", null).ordering(), new OutboxRecords.Row(2, "t2", "k", "", null).ordering());
    }

    @Test
    void theKafkaRecordCarriesTheContentTypeAndTheTraceParent() {
        ProducerRecord<String, String> r = OutboxRecords.record(new OutboxRecords.Row(3, "grassroots.members.v1", "m-1", "{}", TRACE));
        assertEquals("grassroots.members.v1", r.topic());
        assertEquals("m-1", r.key());
        assertEquals("{}", r.value());
        assertNull(r.partition(), "the partition follows from the key");
        assertEquals("application/cloudevents+json; charset=UTF-8", header(r, "content-type"));
        assertEquals(TRACE, header(r, TraceParent.NAME));
        assertEquals(2, r.headers().toArray().length);
    }

    @Test
    void withoutATraceThereIsNoTraceParentHeader() {
        ProducerRecord<String, String> r = OutboxRecords.record(new OutboxRecords.Row(3, "t", "k", "{}", null));
        assertNull(r.headers().lastHeader(TraceParent.NAME));
        assertEquals(1, r.headers().toArray().length);
    }

    static String header(ProducerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void kafkaNotAcknowledgingPausesTheTopic() {
        assertTrue(SendFailures.pausesTopic(new TimeoutException("no ack")));
        assertTrue(SendFailures.pausesTopic(new NotEnoughReplicasException("1 of 3")));
        assertTrue(SendFailures.pausesTopic(new UnknownTopicOrPartitionException("no topic")));
        assertTrue(SendFailures.pausesTopic(new NetworkException("down")));
        assertTrue(SendFailures.pausesTopic(new java.util.concurrent.TimeoutException("waited")));
    }

    @Test
    void kafkaRefusingARecordHoldsBackItsKeyOnly() {
        assertFalse(SendFailures.pausesTopic(new RecordTooLargeException("2 MB")));
        assertFalse(SendFailures.pausesTopic(new SerializationException("bad")));
        assertFalse(SendFailures.pausesTopic(new IllegalStateException("producer closed")));
        assertFalse(SendFailures.pausesTopic(new CancellationException()));
    }

    @Test
    void theCauseOfAFailedSendIsUnwrapped() {
        RecordTooLargeException tooLarge = new RecordTooLargeException("2 MB");
        assertSame(tooLarge, SendFailures.cause(new ExecutionException(tooLarge)));
        ExecutionException bare = new ExecutionException("no cause", null);
        assertSame(bare, SendFailures.cause(bare));
        java.util.concurrent.TimeoutException waited = new java.util.concurrent.TimeoutException();
        assertSame(waited, SendFailures.cause(waited));
    }

    @Test
    void aSendThatIsOverTellsItsFailureAtOnce() {
        assertNull(SendFailures.failedNow(CompletableFuture.completedFuture((RecordMetadata) null)));
        UnknownTopicOrPartitionException unknown = new UnknownTopicOrPartitionException("no topic");
        assertSame(unknown, SendFailures.failedNow(CompletableFuture.failedFuture(unknown)));
        CompletableFuture<RecordMetadata> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        assertTrue(SendFailures.failedNow(cancelled) instanceof CancellationException);
        assertTrue(SendFailures.failedNow(new CompletableFuture<>()) instanceof java.util.concurrent.TimeoutException, "not over yet");
    }

    @Test
    void pausesDoubleFromOneSecondUpToTheMaximum() {
        assertEquals(1000, SendFailures.backoff(0, 8000));
        assertEquals(1000, SendFailures.backoff(300, 8000));
        assertEquals(2000, SendFailures.backoff(1000, 8000));
        assertEquals(8000, SendFailures.backoff(4000, 8000));
        assertEquals(8000, SendFailures.backoff(8000, 8000));
        assertEquals(500, SendFailures.backoff(0, 500), "a maximum below a second wins");
    }

    @Test
    void aPausedTopicOrKeyWaitsUntilItsPauseIsOver() {
        Instant before = Instant.now();
        SendFailures.Backoff first = new SendFailures.Backoff(before, 0).next(8000);
        SendFailures.Backoff second = first.next(8000);
        Instant after = Instant.now();
        assertEquals(1000, first.millis());
        assertEquals(2000, second.millis());
        assertFalse(second.until().isBefore(before.plusMillis(2000)));
        assertFalse(second.until().isAfter(after.plusMillis(2000)));
    }

    @Test
    void anotherBatchFollowsAtOnceOnlyAfterAFullOneThatSentSomething() {
        assertTrue(OutboxRelay.again(new OutboxRelay.Round(500, 500, 0), 500));
        assertTrue(OutboxRelay.again(new OutboxRelay.Round(500, 1, 499), 500));
        assertFalse(OutboxRelay.again(new OutboxRelay.Round(500, 0, 500), 500), "all failed: wait for the next round");
        assertFalse(OutboxRelay.again(new OutboxRelay.Round(499, 499, 0), 500), "the backlog is drained");
        assertFalse(OutboxRelay.again(new OutboxRelay.Round(0, 0, 0), 500), "another instance is relaying");
    }

    @Test
    void theBacklogIsCountedAtMostFourTimesASecond() {
        Instant now = Instant.parse("2025-01-05T02:30:00Z");
        assertTrue(OutboxRelay.countDue(null, now));
        assertFalse(OutboxRelay.countDue(now.minusMillis(249), now));
        assertTrue(OutboxRelay.countDue(now.minusMillis(250), now));
        assertTrue(OutboxRelay.countDue(now.minusSeconds(60), now));
    }

    @Test
    void theProducerWaitsForAllReplicasWithoutDuplicatesAndWithinTheDeliveryTimeout() {
        Properties given = new Properties();
        given.put("bootstrap.servers", "kafka:9092");
        Properties p = OutboxRecords.producerProperties(given, Duration.ofSeconds(10));
        assertSame(given, p);
        assertEquals("kafka:9092", p.get("bootstrap.servers"), "the connection settings are kept");
        assertEquals("all", p.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("true", p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("5", p.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), "at most 5 keeps the order with idempotence");
        assertEquals("5000", p.get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
        assertEquals("0", p.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals(StringSerializer.class.getName(), p.get(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG));
        assertEquals(StringSerializer.class.getName(), p.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG));
        assertEquals("10000", p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals("5000", p.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
    }

    @Test
    void theDeliveryTimeoutIsAtLeastTwoSecondsAndNeverBelowTheRequestTimeout() {
        for (Map.Entry<Duration, String[]> c : Map.of(Duration.ofSeconds(3), new String[] {"3000", "3000"},
                Duration.ofMillis(500), new String[] {"2000", "2000"}, Duration.ZERO, new String[] {"2000", "2000"},
                Duration.ofMinutes(2), new String[] {"120000", "5000"}).entrySet()) {
            Properties p = OutboxRecords.producerProperties(new Properties(), c.getKey());
            assertEquals(c.getValue()[0], p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), c.getKey().toString());
            assertEquals(c.getValue()[1], p.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG), c.getKey().toString());
            // Kafka refuses a producer whose delivery timeout is below linger + request timeout
            assertTrue(Long.parseLong((String) p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))
                    >= Long.parseLong((String) p.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)));
        }
    }

    @Test
    void eventTopicsAndCompactedStateTopicsOfThreePartitionsAreCreated() {
        List<NewTopic> wanted = OutboxRecords.wantedTopics(List.of("grassroots.members.v1"), Optional.of(List.of("grassroots.members.state.v1")));
        assertEquals(List.of("grassroots.members.v1", "grassroots.members.state.v1"), wanted.stream().map(NewTopic::name).toList());
        assertEquals(List.of(3, 3), wanted.stream().map(NewTopic::numPartitions).toList());
        assertEquals(List.of((short) -1, (short) -1), wanted.stream().map(NewTopic::replicationFactor).toList(), "the broker's default");
        assertNull(wanted.get(0).configs());
        assertEquals(Map.of("cleanup.policy", "compact"), wanted.get(1).configs());

        assertEquals(List.of("a", "b"), OutboxRecords.wantedTopics(List.of("a", "b"), Optional.empty()).stream().map(NewTopic::name).toList());
    }
}
