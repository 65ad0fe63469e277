package vn.grassroots.common.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which background jobs (exports, imports) a live instance still holds, so that with several instances on one
 * database a restart fails only the jobs of the instance that stopped. Every instance beats the heartbeat of the jobs
 * it holds, queued or running, every {@code grassroots.jobs.heartbeat} (10 s); a queued or running job whose
 * heartbeat is older than {@code grassroots.jobs.orphaned-after} (1 min) belonged to an instance that is gone, and
 * the first instance to see it marks it FAILED with its table's problem (at startup too).
 *
 * <p>A table of jobs has {@code id}, {@code status}, {@code finished_at}, {@code problem} and
 * {@code heartbeat_at timestamptz NOT NULL DEFAULT now()}.
 */
@ApplicationScoped
public class JobHeartbeats {
    private static final Logger LOG = Logger.getLogger(JobHeartbeats.class);

    private final EntityManager em;
    private final Duration heartbeat;
    private final Duration orphanedAfter;

    public JobHeartbeats(EntityManager em,
            @ConfigProperty(name = "grassroots.jobs.heartbeat", defaultValue = "10S") Duration heartbeat,
            @ConfigProperty(name = "grassroots.jobs.orphaned-after", defaultValue = "1M") Duration orphanedAfter) {
        this.em = em;
        this.heartbeat = heartbeat;
        this.orphanedAfter = orphanedAfter;
    }

    /** table -> the problem (a jsonb expression) of a job whose instance stopped */
    private final Map<String, String> tables = new ConcurrentHashMap<>();
    private final Map<String, Set<UUID>> held = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    /** Beats the heartbeats of a table of jobs from now on, and fails its orphans at once. */
    public synchronized void track(String table, String problemSlug, String title, int status, String detail) {
        tables.put(table, "jsonb_build_object('type', 'https://grassroots.vn/problems/" + problemSlug + "', 'title', '" + title
                + "', 'status', " + status + ", 'detail', '" + detail.replace("'", "''") + "')");
        held.putIfAbsent(table, ConcurrentHashMap.newKeySet());
        failOrphans(table);
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "job-heartbeats");
                t.setDaemon(true);
                return t;
            });
            long every = heartbeat.toMillis();
            timer.scheduleWithFixedDelay(this::beatAll, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** This instance holds the job (from its insertion until it finished). */
    public void hold(String table, UUID id) {
        held.get(table).add(id);
    }

    public void release(String table, UUID id) {
        held.get(table).remove(id);
    }

    /** Fails the queued or running jobs of the table whose heartbeat is too old; how many. */
    public int failOrphans(String table) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE " + table
                        + " SET status = 'FAILED', finished_at = now(), problem = " + tables.get(table)
                        + " WHERE status IN ('QUEUED', 'RUNNING') AND heartbeat_at < now() - make_interval(secs => ?1)")
                .setParameter(1, orphanedAfter.toMillis() / 1000.0).executeUpdate());
    }

    private void beatAll() {
        for (String table : tables.keySet()) {
            try {
                Set<UUID> ids = held.get(table);
                if (!ids.isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE " + table
                                    + " SET heartbeat_at = now() WHERE id = ANY(?1)")
                            .setParameter(1, ids.toArray(UUID[]::new)).executeUpdate());
                }
                int failed = failOrphans(table);
                if (failed > 0) {
                    LOG.warnf("%d job(s) of %s failed: the instance that held them stopped", failed, table);
                }
            } catch (RuntimeException e) {
                LOG.warnf("job heartbeats of %s: %s", table, e.toString()); // the database is away: next beat
            }
        }
    }

    void onStop(@Observes ShutdownEvent e) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
