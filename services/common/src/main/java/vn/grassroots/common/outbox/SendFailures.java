package vn.grassroots.common.outbox;

import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;

/** How the relay reads a failed send: what failed, whether it pauses the topic or the key, and for how long. */
final class SendFailures {
    private SendFailures() {}

    record Backoff(Instant until, long millis) {
        Backoff next(long max) {
            long m = backoff(millis, max);
            return new Backoff(Instant.now().plusMillis(m), m);
        }
    }

    /** The pause after one that lasted {@code millis}: doubled, at least one second, at most {@code max}. */
    static long backoff(long millis, long max) {
        return Math.min(Math.max(millis * 2, 1000), max);
    }


    /** What made a send fail: the cause of an ExecutionException, else the exception itself. */
    static Throwable cause(Exception e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }

    /**
     * Whether a failure is Kafka not acknowledging (down, not enough replicas, unknown topic, a timeout), which pauses the
     * whole topic; anything else is a refusal of this record (e.g. too large), which holds back its key only.
     */
    static boolean pausesTopic(Throwable cause) {
        return cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException;
    }

    /** The failure of a send that is already over, or null. */
    static Throwable failedNow(Future<RecordMetadata> f) {
        try {
            f.get(0, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (Exception e) {
            return e;
        }
    }
}
