package vn.grassroots.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one service as the gateway sees them: a circuit each (taken out after consecutive failures, one
 * trial after the open delay), whether its last health check passed, and whose turn it is (round robin).
 */
public final class Pool {

    /** An instance chosen for a call, with the circuit that learns the call's outcome. */
    public record Pick(Upstream.Instance instance, CircuitBreaker breaker) {}

    private final List<Upstream.Instance> instances;
    private final CircuitBreaker[] breakers;
    private final boolean[] healthy;
    private final AtomicInteger next = new AtomicInteger();

    public Pool(List<Upstream.Instance> instances, int failureThreshold, Duration openDelay) {
        this.instances = List.copyOf(instances);
        breakers = new CircuitBreaker[instances.size()];
        healthy = new boolean[instances.size()];
        for (int i = 0; i < breakers.length; i++) {
            breakers[i] = new CircuitBreaker(failureThreshold, openDelay);
            healthy[i] = true;
        }
    }

    public List<Upstream.Instance> instances() {
        return instances;
    }

    /** What the periodic health check found; an instance failing it gets no calls while another can take them. */
    public synchronized void healthy(Upstream.Instance instance, boolean ready) {
        healthy[instances.indexOf(instance)] = ready;
    }

    public synchronized boolean healthy(Upstream.Instance instance) {
        return healthy[instances.indexOf(instance)];
    }

    /**
     * The next instance in turn that may take a call: its circuit lets one through and its health check passed (when
     * every instance failed its check, the checks are ignored: they may be stale, the circuits are not). {@code avoid}
     * (the instance a retry comes from) only when no other may. Null when none may; then {@link #waitNanos} tells how
     * long until one may.
     */
    public Pick pick(long now, Upstream.Instance avoid) {
        int n = instances.size();
        boolean anyHealthy;
        boolean[] ok = new boolean[n];
        synchronized (this) {
            anyHealthy = false;
            for (boolean h : healthy) {
                anyHealthy |= h;
            }
            for (int i = 0; i < n; i++) {
                ok[i] = (!anyHealthy || healthy[i]) && breakers[i].waitNanos(now) == 0;
            }
        }
        // Turns are taken among those that may take the call, so that one left out does not hand its turns to its neighbour.
        List<Integer> eligible = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (ok[i] && !instances.get(i).equals(avoid)) {
                eligible.add(i);
            }
        }
        if (eligible.isEmpty() && avoid != null && ok[instances.indexOf(avoid)]) {
            eligible.add(instances.indexOf(avoid));
        }
        if (eligible.isEmpty()) {
            return null;
        }
        int start = Math.floorMod(next.getAndIncrement(), eligible.size());
        for (int k = 0; k < eligible.size(); k++) {
            int i = eligible.get((start + k) % eligible.size());
            if (breakers[i].permit(now) == 0) { // another call may have taken a half-open circuit's one trial meanwhile
                return new Pick(instances.get(i), breakers[i]);
            }
        }
        return null;
    }

    /** Nanoseconds until some instance's circuit lets a trial call through. */
    public long waitNanos(long now) {
        long wait = Long.MAX_VALUE;
        for (CircuitBreaker b : breakers) {
            wait = Math.min(wait, b.waitNanos(now));
        }
        return Math.max(1, wait);
    }
}
