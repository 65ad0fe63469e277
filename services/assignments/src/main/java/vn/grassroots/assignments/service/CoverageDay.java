package vn.grassroots.assignments.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.grassroots.common.time.VietnamClock;

/**
 * The day the coverage counts are exact for (table coverage_day, V2__coverage_counts.sql). Whether an assignment is in
 * force depends on the day, so when the day changes the counts take in the assignments that started or ended since
 * (coverage_advance: a few rows found by index, exclusive against the triggers, idempotent, so several instances may
 * run it). A job checks every {@code grassroots.coverage.day-check-interval} (and at start); the coverage report calls
 * {@link #current} first, so it is exact even in the minutes after midnight.
 */
@ApplicationScoped
public class CoverageDay {
    private static final Logger LOG = Logger.getLogger(CoverageDay.class);

    private final EntityManager em;
    private final VietnamClock clock;
    private final Duration interval;

    public CoverageDay(EntityManager em, VietnamClock clock,
            @ConfigProperty(name = "grassroots.coverage.day-check-interval", defaultValue = "PT5M") Duration interval) {
        this.em = em;
        this.clock = clock;
        this.interval = interval;
    }

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent ev) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coverage-day");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::scheduled, 3_000, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void scheduled() {
        try {
            LocalDate day = clock.today();
            int n = QuarkusTransaction.requiringNew().call(() -> advance(day));
            if (n > 0) {
                LOG.infof("coverage counts moved to %s: %d assignment(s) started or ended", day, n);
            }
        } catch (RuntimeException e) {
            LOG.error("coverage day check failed; it runs again at the next interval", e);
        }
    }

    /** Brings the counts to today when they are behind (in the caller's transaction); returns today. */
    public LocalDate current() {
        LocalDate day = clock.today();
        Object asOf = em.createNativeQuery("SELECT as_of FROM coverage_day WHERE id = 1").getSingleResult();
        if (!day.equals(asOf instanceof java.sql.Date d ? d.toLocalDate() : asOf)) {
            advance(day);
        }
        return day;
    }

    private int advance(LocalDate day) {
        return ((Number) em.createNativeQuery("SELECT coverage_advance(:day)").setParameter("day", day).getSingleResult())
                .intValue();
    }
}
