package vn.grassroots.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.security.Caller;
import vn.grassroots.common.web.CorrelationId;

/**
 * Records events in the outbox table inside the caller's transaction; {@link OutboxRelay} sends them
 * after commit. A change is never committed without its event, and Kafka being down loses nothing.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final Event<OutboxWritten> written;

    public Outbox(EntityManager em, ObjectMapper json, Caller caller, Event<OutboxWritten> written) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.written = written;
    }

    /** Appends one event; {@code data} becomes the CloudEvent's {@code data}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregateType, Object aggregateId, String eventType, Object data) {
        UUID eventId = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id, event_type, payload, correlation_id, actor,
                                    traceparent)
                VALUES (?1, ?2, ?3, ?4, ?5, cast(?6 AS jsonb), ?7, ?8, ?9)""")
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, aggregateType)
                .setParameter(4, aggregateId.toString())
                .setParameter(5, eventType)
                .setParameter(6, toJson(json, data))
                .setParameter(7, CorrelationId.current())
                .setParameter(8, Caller.actorOf(caller))
                .setParameter(9, TraceParent.current())
                .executeUpdate();
        written.fire(OutboxWritten.INSTANCE);
        return eventId;
    }

    /**
     * Appends one event per row of {@code select}, which must yield columns {@code id} and {@code payload}
     * (jsonb): one statement however many aggregates a change touches (e.g. a moved subtree).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishEach(String topic, String aggregateType, String eventType, String select, Map<String, Object> params) {
        Query q = em.createNativeQuery("INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id, event_type, payload,"
                + " correlation_id, actor, traceparent) SELECT gen_random_uuid(), :ob_topic, :ob_type, s.id::text, :ob_event,"
                + " s.payload, :ob_cid, :ob_actor, :ob_trace FROM (" + select + ") s")
                .setParameter("ob_topic", topic)
                .setParameter("ob_type", aggregateType)
                .setParameter("ob_event", eventType)
                .setParameter("ob_cid", CorrelationId.current())
                .setParameter("ob_actor", Caller.actorOf(caller))
                .setParameter("ob_trace", TraceParent.current());
        params.forEach(q::setParameter);
        int n = q.executeUpdate();
        if (n > 0) {
            written.fire(OutboxWritten.INSTANCE);
        }
        return n;
    }

    /** A String is taken as JSON already (stored as it is); anything else is serialized by Jackson. */
    static String toJson(ObjectMapper json, Object data) {
        try {
            return data instanceof String s ? s : json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be serialized", e);
        }
    }

    /** Fired after each append; the relay observes it after a successful commit. */
    public enum OutboxWritten { INSTANCE }
}
