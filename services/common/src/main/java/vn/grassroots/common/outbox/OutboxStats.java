package vn.grassroots.common.outbox;

import java.time.Duration;
import java.time.Instant;

/** What the health check and the gauges show: the backlog as last counted, and the relay's last outcome. */
public final class OutboxStats {
    volatile long unsent = -1;
    volatile Instant oldestUnsent;
    volatile Instant countedAt;
    volatile Instant lastSentAt;
    volatile String lastError;
    volatile Instant lastErrorAt;

    public long unsent() {
        return unsent;
    }

    /** Seconds since the oldest unsent row was written (0 when nothing waits). */
    public double oldestAgeSeconds() {
        Instant o = oldestUnsent;
        return o == null ? 0 : Math.max(0, Duration.between(o, Instant.now()).toMillis() / 1000.0);
    }

    public Instant countedAt() {
        return countedAt;
    }

    public Instant lastSentAt() {
        return lastSentAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }
}
