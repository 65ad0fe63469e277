package vn.grassroots.gateway.limits;

import java.util.concurrent.TimeUnit;
import vn.grassroots.gateway.routing.GatewayConfig;

/** A token bucket refilled lazily from the clock whenever it is asked, so it needs no timer. */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updated;

    TokenBucket(GatewayConfig.Limit limit, long now) {
        capacity = limit.capacity();
        perNano = limit.refillPerSecond() / TimeUnit.SECONDS.toNanos(1);
        tokens = capacity;
        updated = now;
    }

    /** Takes one token: 0 when taken, else the nanoseconds until one will be there. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return perNano > 0 ? (long) Math.ceil((1 - tokens) / perNano) : Long.MAX_VALUE;
    }

    /** Returns a token taken for a request that another bucket then refused. */
    synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    /** A full bucket is the same as a new one, so it can be forgotten. */
    synchronized boolean full(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > updated) {
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
        }
    }
}
