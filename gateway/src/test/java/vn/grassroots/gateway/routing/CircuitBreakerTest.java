package vn.grassroots.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void opensAfterConsecutiveFailuresAndLetsOneTrialThroughAfterTheDelay() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));
        breaker.failed(0);
        breaker.failed(0);
        breaker.succeeded();
        breaker.failed(0);
        breaker.failed(0);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "a success resets the count");
        breaker.failed(0);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertEquals(4 * SECOND, breaker.permit(6 * SECOND), "refused, with the time left");

        assertEquals(0, breaker.permit(10 * SECOND), "the trial");
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertNotEquals(0, breaker.permit(10 * SECOND), "only one trial at a time");
        breaker.failed(11 * SECOND);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "a failed trial opens again");
        assertNotEquals(0, breaker.permit(20 * SECOND));

        assertEquals(0, breaker.permit(21 * SECOND));
        breaker.succeeded();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertEquals(0, breaker.permit(21 * SECOND));
    }

    @Test
    void aTrialWhoseCallerLeftLetsTheNextOneTry() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(1));
        breaker.failed(0);
        assertEquals(0, breaker.permit(SECOND));
        breaker.released();
        assertEquals(0, breaker.permit(SECOND));
    }
}
