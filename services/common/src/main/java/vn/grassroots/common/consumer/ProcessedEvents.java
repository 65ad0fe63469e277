package vn.grassroots.common.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Idempotent consumers: call {@link #firstDelivery} in the transaction that applies an event; it
 * records the event id and answers false for a redelivery, which the consumer then skips.
 */
@ApplicationScoped
public class ProcessedEvents {
    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}
