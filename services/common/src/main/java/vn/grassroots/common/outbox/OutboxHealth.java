package vn.grassroots.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox backlog in {@code /q/health/ready}. Always UP: with Kafka down a service still serves every
 * request (its events wait in the outbox), so it stays ready; the detail tells how much waits and for how long.
 * Whether the database is reachable is the datasource check's business.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
    private final OutboxRelay relay;

    public OutboxHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxStats s = relay.stats();
        // The relay counts as it goes; while it waits for Kafka it does not, so a stale count is made afresh here.
        if (s.countedAt() == null || s.countedAt().isBefore(java.time.Instant.now().minusSeconds(1))) {
            try {
                relay.count();
            } catch (RuntimeException e) {
                // the database is down: the datasource check says so; show the last count
            }
        }
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox").up();
        if (s.unsent() >= 0) {
            b.withData("unsent", s.unsent());
            b.withData("oldestUnsentAgeSeconds", Math.round(s.oldestAgeSeconds()));
            if (s.countedAt() != null) {
                b.withData("countedAt", s.countedAt().toString());
            }
        } else {
            b.withData("unsent", "not counted yet");
        }
        if (s.lastSentAt() != null) {
            b.withData("lastSentAt", s.lastSentAt().toString());
        }
        if (s.lastError() != null && s.lastErrorAt() != null
                && (s.lastSentAt() == null || s.lastErrorAt().isAfter(s.lastSentAt()))) {
            b.withData("lastError", s.lastErrorAt() + " " + s.lastError());
        }
        return b.build();
    }
}
