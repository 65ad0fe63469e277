package vn.grassroots.evaluations.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import vn.grassroots.common.outbox.Outbox;

/**
 * What this service tells the others, through the outbox: cycle events (key = cycle id) and decided ratings
 * (key = rating id), each with its latest state on a compacted state topic.
 * Schemas: contracts/events/grassroots.evaluations.*.schema.json.
 */
@ApplicationScoped
public class EvaluationEvents {
    public static final String CYCLES = "grassroots.evaluations.cycles.v1";
    public static final String CYCLES_STATE = "grassroots.evaluations.cycles-state.v1";
    public static final String RATINGS = "grassroots.evaluations.ratings.v1";
    public static final String RATINGS_STATE = "grassroots.evaluations.ratings-state.v1";
    private static final String PREFIX = "vn.grassroots.evaluation.";
    public static final String CYCLE_OPENED = PREFIX + "cycle-opened";
    public static final String CYCLE_CLOSED = PREFIX + "cycle-closed";
    public static final String CYCLE_STATE = PREFIX + "cycle-state";
    public static final String RATING_DECIDED = PREFIX + "rating-decided";
    public static final String RATING_STATE = PREFIX + "rating-state";

    private final Outbox outbox;

    public EvaluationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record CycleData(UUID id, int year, String name, UUID scopeOrganizationId, String scopePath, UUID policyId,
            String policyCode, String state, Instant openedAt, Instant closedAt, long version) {}

    public record RatingData(UUID id, UUID cycleId, int year, UUID policyId, String subjectType, UUID subjectId,
            UUID organizationId, String organizationType, String sector, String level, String levelName, int levelRank,
            BigDecimal selfScore, String decidedBy, Instant decidedAt, long version) {}

    /** The data of cycle-opened and cycle-closed: {@code {"cycle": …}}. */
    public record CycleEvent(CycleData cycle) {}

    /** The data of rating-decided: {@code {"rating": …}}. */
    public record RatingEvent(RatingData rating) {}

    public void cycle(String type, CycleData c) {
        outbox.publish(CYCLES, "EvaluationCycle", c.id(), type, new CycleEvent(c));
        outbox.publish(CYCLES_STATE, "EvaluationCycle", c.id(), CYCLE_STATE, c);
    }

    public void decided(RatingData r) {
        outbox.publish(RATINGS, "Rating", r.id(), RATING_DECIDED, new RatingEvent(r));
        outbox.publish(RATINGS_STATE, "Rating", r.id(), RATING_STATE, r);
    }
}
