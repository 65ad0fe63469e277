package vn.grassroots.assignments.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.grassroots.assignments.events.DomainEvents;
import vn.grassroots.common.time.VietnamClock;

/**
 * Detects overdue tasks (nhiệm vụ quá hạn): open tasks whose due date has passed ({@code Task.isOverdueAsOf}). Each task is flagged and announced
 * (vn.grassroots.task.overdue) in the same transaction, and only while not yet flagged, so it is announced exactly
 * once even with several instances (FOR UPDATE SKIP LOCKED). Runs at start and every
 * {@code grassroots.tasks.overdue-check-interval}; POST /api/v1/tasks/overdue-checks runs it on demand.
 */
@ApplicationScoped
public class OverdueCheck {
    private static final Logger LOG = Logger.getLogger(OverdueCheck.class);
    private static final int BATCH = 1000;

    private final EntityManager em;
    private final DomainEvents events;
    private final VietnamClock clock;
    private final Duration interval;

    public OverdueCheck(EntityManager em, DomainEvents events, VietnamClock clock,
            @ConfigProperty(name = "grassroots.tasks.overdue-check-interval", defaultValue = "PT15M") Duration interval) {
        this.em = em;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
    }

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent ev) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "overdue-check");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::scheduled, 5_000, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void scheduled() {
        try {
            int n = run(clock.today());
            if (n > 0) {
                LOG.infof("%d task(s) became overdue", n);
            }
        } catch (RuntimeException e) {
            LOG.error("overdue check failed; it runs again at the next interval", e);
        }
    }

    /** Flags and announces every open task due before {@code asOf}; returns how many, in batches of 1,000. */
    public int run(LocalDate asOf) {
        int total = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(() -> batch(asOf));
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }

    private int batch(LocalDate asOf) {
        UUID batch = UUID.randomUUID();
        int n = em.createNativeQuery("""
                UPDATE task SET overdue = true, overdue_batch = :batch, updated_at = now(), version = version + 1
                WHERE id IN (SELECT id FROM task WHERE state IN ('ASSIGNED', 'IN_PROGRESS') AND NOT overdue AND due_date < :asOf
                             ORDER BY due_date LIMIT :limit FOR UPDATE SKIP LOCKED)""")
                .setParameter("batch", batch).setParameter("asOf", asOf).setParameter("limit", BATCH)
                .executeUpdate();
        if (n > 0) {
            events.tasks(DomainEvents.TASK_OVERDUE, "p.id IN (SELECT id FROM task WHERE overdue_batch = :batch)",
                    Map.of("batch", batch));
        }
        return n;
    }
}
