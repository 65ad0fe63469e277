package vn.grassroots.common.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consuming service's appliers, one bean per service: the live consumers, the replay of dead letters and the
 * rebuild of the read models all apply a record through it, so that they share one path.
 */
public interface ChannelAppliers {
    /**
     * Applies one CloudEvent of {@code channel} in its own transaction, once (ProcessedEvents); returns null when it
     * was applied, already was, or is of no interest, else why the record can never be applied (it is dead-lettered).
     * Throws when applying failed (the failure is then classified by {@link Failures}).
     */
    String apply(String channel, JsonNode event);

    /**
     * Applies the events of a batch in one transaction (the members' topics), throwing {@link PoisonRecord} when one
     * of them cannot be applied; the caller then applies the batch record by record. The default applies them one by
     * one in the caller's transaction.
     */
    default void applyAll(String channel, List<JsonNode> events) {
        for (JsonNode event : events) {
            String refused = apply(channel, event);
            if (refused != null) {
                throw new PoisonRecord(refused);
            }
        }
    }

    /** The state channels to re-read on a rebuild, each with the topic it reads (from its channel configuration). */
    List<String> stateChannels();

    /**
     * Deletes the read-model rows that the state channels feed and forgets the processed event ids of those
     * channels, in the caller's transaction, before a rebuild re-reads the state topics from the beginning.
     */
    void resetReadModels();

    /** Counts to compare a rebuilt model with the live one (table → rows); optional. */
    default Map<String, Long> readModelCounts() {
        return Map.of();
    }

    /**
     * For {@link #resetReadModels()}: empties the read-model tables (in the order given, children first) and forgets
     * the service's processed events of its state channels, so that a rebuild applies every state record again.
     */
    static void reset(EntityManager em, String service, List<String> stateChannels, String... tables) {
        for (String table : tables) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM processed_event WHERE consumer IN (:consumers)")
                .setParameter("consumers", stateChannels.stream().map(c -> service + "." + c).toList()).executeUpdate();
    }

    /** The rows of each read-model table, for {@link #readModelCounts()}. */
    static Map<String, Long> counts(EntityManager em, String... tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
        }
        return counts;
    }
}
