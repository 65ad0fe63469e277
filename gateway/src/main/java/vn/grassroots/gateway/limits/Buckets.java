package vn.grassroots.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import vn.grassroots.gateway.routing.GatewayConfig;

/** The buckets of one kind (clients, users or addresses), bounded in number. */
final class Buckets {

    /** What {@link #take} answers when there is no room for another bucket: try again in a second. */
    static final long NO_ROOM = 1_000_000_000L;

    final String kind;
    private final GatewayConfig.Limit limit;
    private final int max;
    private final ConcurrentMap<String, TokenBucket> byKey = new ConcurrentHashMap<>();

    Buckets(String kind, GatewayConfig.Limit limit, int max) {
        this.kind = kind;
        this.limit = limit;
        this.max = max;
    }

    /** As {@link TokenBucket#take}; the bucket of {@code key} is made when missing. */
    long take(String key, long now) {
        TokenBucket bucket = byKey.get(key);
        if (bucket == null) {
            if (byKey.size() >= max) {
                sweep(now);
                if (byKey.size() >= max) {
                    // Every bucket is in use: refusing the newcomer keeps memory bounded and the busy ones limited.
                    return NO_ROOM;
                }
            }
            bucket = byKey.computeIfAbsent(key, k -> new TokenBucket(limit, now));
        }
        return bucket.take(now);
    }

    void giveBack(String key) {
        TokenBucket bucket = byKey.get(key);
        if (bucket != null) {
            bucket.giveBack();
        }
    }

    /** Drops the buckets that have refilled completely: they would behave exactly like new ones. */
    void sweep(long now) {
        byKey.values().removeIf(bucket -> bucket.full(now));
    }

    int size() {
        return byKey.size();
    }
}
