package vn.grassroots.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in a {@code @QuarkusTest} until the service under test applied what a feed published: its consumers work
 * asynchronously, so a test polls the read model's tables.
 */
public final class ReadModels {
    private ReadModels() {}

    /** {@code SELECT count(*) …} in the service's database, in a transaction of its own; ?1, ?2 … bind {@code params}. */
    public static long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Arc.container().instance(EntityManager.class).get().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    /** Polls {@code done} every 100 ms until it holds; fails naming {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier done) {
        if (!poll(timeout, done)) {
            throw new AssertionError("the read model did not apply " + what + " within " + timeout.toSeconds() + " s");
        }
    }

    /**
     * Sends again every 3 s until {@code applied} holds: the test profile's consumers start at the end of their
     * topics, and a record published before a consumer has its partitions is never read.
     */
    public static void probe(String what, Duration timeout, Runnable send, BooleanSupplier applied) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            send.run();
            if (poll(Duration.ofSeconds(3), applied)) {
                return;
            }
        }
        throw new AssertionError("the consumer of " + what + " never got its partitions");
    }

    private static boolean poll(Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
