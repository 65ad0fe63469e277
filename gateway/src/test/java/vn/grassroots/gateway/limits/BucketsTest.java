package vn.grassroots.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.grassroots.gateway.routing.GatewayConfig;

/** Token arithmetic and the memory bound, on a clock the test moves itself. */
class BucketsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private static GatewayConfig.Limit limit(long capacity, double perSecond) {
        return new GatewayConfig.Limit() {
            public long capacity() {
                return capacity;
            }

            public double refillPerSecond() {
                return perSecond;
            }
        };
    }

    @Test
    void aBucketRefillsAtItsRateAndSaysHowLongToWait() {
        Buckets buckets = new Buckets("user", limit(2, 4), 10);
        assertEquals(0, buckets.take("a", 0));
        assertEquals(0, buckets.take("a", 0));
        assertEquals(SECOND / 4, buckets.take("a", 0));
        assertEquals(0, buckets.take("a", SECOND / 4));
        assertEquals(0, buckets.take("b", SECOND / 4), "another key has its own bucket");
    }

    @Test
    void idleBucketsAreForgottenAndTheirNumberIsBounded() {
        Buckets buckets = new Buckets("address", limit(1, 1), 2);
        assertEquals(0, buckets.take("a", 0));
        assertEquals(0, buckets.take("b", 0));
        // Both buckets are in use: a third key is refused rather than stored.
        assertEquals(Buckets.NO_ROOM, buckets.take("c", 0));
        assertEquals(2, buckets.size());
        // A second later both are full again, i.e. like new: they make room.
        assertEquals(0, buckets.take("c", SECOND));
        assertEquals(1, buckets.size());
        buckets.sweep(3 * SECOND);
        assertEquals(0, buckets.size());
    }
}
