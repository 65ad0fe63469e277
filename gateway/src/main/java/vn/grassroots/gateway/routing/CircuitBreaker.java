package vn.grassroots.gateway.routing;

import java.time.Duration;

/**
 * One upstream's circuit. Closed: calls pass, consecutive failures are counted. Open (after
 * {@code threshold} of them): calls are refused at once for {@code openDelay}. Then half-open: one trial
 * call passes; its success closes the circuit, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialRunning;

    public CircuitBreaker(int threshold, Duration openDelay) {
        this.threshold = Math.max(1, threshold);
        this.openNanos = openDelay.toNanos();
    }

    /** 0 when a call may go ahead, else the nanoseconds until the next trial may. */
    public synchronized long permit(long now) {
        if (state == State.OPEN && now - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialRunning = false;
        }
        switch (state) {
            case CLOSED:
                return 0;
            case HALF_OPEN:
                if (!trialRunning) {
                    trialRunning = true;
                    return 0;
                }
                // The trial is still running: others wait for its verdict.
                return 1;
            default:
                return Math.max(1, openNanos - (now - openedAt));
        }
    }

    /** Nanoseconds until a call may go ahead, without taking a trial's place (0: now). */
    public synchronized long waitNanos(long now) {
        return state == State.OPEN ? Math.max(0, openNanos - (now - openedAt)) : state == State.HALF_OPEN && trialRunning ? 1 : 0;
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        failures = 0;
        trialRunning = false;
    }

    public synchronized void failed(long now) {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = now;
            trialRunning = false;
        }
    }

    /** A call that ended without a verdict (the caller went away): another may be the trial. */
    public synchronized void released() {
        trialRunning = false;
    }

    public synchronized State state() {
        return state;
    }
}
