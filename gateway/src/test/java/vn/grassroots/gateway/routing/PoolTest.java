package vn.grassroots.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round robin over the instances whose circuit is closed and whose health check passes. */
class PoolTest {
    static final Upstream.Instance A = Upstream.Instance.of("s", "http://a:1");
    static final Upstream.Instance B = Upstream.Instance.of("s", "http://b:1");
    static final Upstream.Instance C = Upstream.Instance.of("s", "http://c:1");

    static List<Upstream.Instance> picks(Pool pool, int n, long now) {
        List<Upstream.Instance> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pool.Pick p = pool.pick(now, null);
            out.add(p == null ? null : p.instance());
            if (p != null) {
                p.breaker().succeeded();
            }
        }
        return out;
    }

    @Test
    void takesTurns() {
        assertEquals(List.of(A, B, C, A, B, C), picks(new Pool(List.of(A, B, C), 2, Duration.ofSeconds(10)), 6, 0));
    }

    @Test
    void anInstanceWhoseCircuitOpenedIsLeftOutUntilItsTrial() {
        Pool pool = new Pool(List.of(A, B), 2, Duration.ofSeconds(10));
        long t = 1_000_000_000L;
        Pool.Pick a = pool.pick(t, null);
        assertEquals(A, a.instance());
        a.breaker().failed(t);
        a.breaker().failed(t); // two in a row: A's circuit opens
        assertEquals(List.of(B, B, B), picks(pool, 3, t));
        // ten seconds later one trial goes to A; its success brings A back
        long later = t + Duration.ofSeconds(10).toNanos();
        List<Upstream.Instance> next = picks(pool, 4, later);
        assertTrue(next.contains(A) && next.contains(B), next.toString());
    }

    @Test
    void aRetryGoesElsewhereAndNoneIsPickedWhenEveryCircuitIsOpen() {
        Pool pool = new Pool(List.of(A, B), 1, Duration.ofSeconds(10));
        assertEquals(B, pool.pick(0, A).instance());
        assertEquals(B, pool.pick(0, A).instance());
        Pool single = new Pool(List.of(A), 1, Duration.ofSeconds(10));
        assertEquals(A, single.pick(0, A).instance()); // one instance: the retry goes to it again
        Pool.Pick a = pool.pick(0, B);
        a.breaker().failed(0);
        Pool.Pick b = pool.pick(0, null);
        assertEquals(B, b.instance());
        b.breaker().failed(0);
        assertNull(pool.pick(0, null));
        assertEquals(Duration.ofSeconds(10).toNanos(), pool.waitNanos(0));
    }

    @Test
    void anInstanceFailingItsHealthCheckGetsNoCallsWhileAnotherCan() {
        Pool pool = new Pool(List.of(A, B, C), 5, Duration.ofSeconds(10));
        pool.healthy(B, false);
        assertEquals(List.of(A, C, A, C), picks(pool, 4, 0));
        pool.healthy(A, false);
        pool.healthy(C, false);
        // every check fails (they may be stale): the circuits decide
        assertEquals(3, picks(pool, 3, 0).stream().distinct().count());
        pool.healthy(B, true);
        assertEquals(List.of(B, B, B), picks(pool, 3, 0));
    }
}
