package vn.grassroots.membership.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.outbox.Outbox;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.membership.domain.Decision;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.Transfer;

/**
 * What this service tells the others, through the outbox: member events keyed by the member id, and the latest
 * state of every member on the compacted state topic. Payloads leave out sensitive fields (citizen id, phone,
 * email, religion, ethnicity, home town). Schemas: contracts/events/grassroots.membership.*.schema.json.
 */
@ApplicationScoped
public class MemberEvents {
    public static final String TOPIC = "grassroots.membership.members.v1";
    public static final String STATE_TOPIC = "grassroots.membership.members-state.v1";

    private static final String PREFIX = "vn.grassroots.member.";
    public static final String REGISTERED = PREFIX + "registered";
    public static final String ADMITTED = PREFIX + "admitted";
    public static final String OFFICIALIZED = PREFIX + "officialized";
    public static final String TRANSFERRED = PREFIX + "transferred";
    public static final String STATUS_CHANGED = PREFIX + "status-changed";
    public static final String PROFILE_CHANGED = PREFIX + "profile-changed";
    public static final String DISCIPLINED = PREFIX + "disciplined";
    public static final String STATE = PREFIX + "state";

    private static final String AGGREGATE = "Member";

    private final VietnamClock clock;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final EntityManager em;

    public MemberEvents(VietnamClock clock, Outbox outbox, ObjectMapper json, EntityManager em) {
        this.clock = clock;
        this.outbox = outbox;
        this.json = json;
        this.em = em;
    }

    /** The shape of a member in events and on the state topic. */
    public record MemberData(UUID id, String fullName, String gender, LocalDate birthDate, String theoryLevel,
            String partyCardNumber, LocalDate admissionDate, LocalDate officialDate, UUID organizationId, String status,
            LocalDate statusSince, List<Host> temporaryHosts, long version, Instant updatedAt) {

        static MemberData of(Member m, List<Host> hosts) {
            return new MemberData(m.id, m.fullName, m.gender.name(), m.birthDate, m.theoryLevel.name(), m.partyCardNumber,
                    m.admissionDate, m.officialDate, m.organizationId, m.status.name(), m.statusSince, hosts, m.version, m.updatedAt);
        }
    }

    /** A host cell of an accepted temporary transfer (sinh hoạt tạm thời): the member is also active there until {@code until}. */
    public record Host(UUID organizationId, LocalDate until) {}

    /** The data of a member event: the member's state, then the event's details beside it (none for some types). */
    public record Payload(MemberData member, @JsonUnwrapped Details details) {}

    /** What an event tells besides the member's state; a detail left null is left out of the event. */
    public sealed interface Details permits StatusChanged, Admitted, Transferred, Disciplined {}

    /** officialized, status-changed and transferred by a status change: the change and its decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusChanged(String fromStatus, String toStatus, String reason, Decision decision) implements Details {}

    /** admitted: the candidate admitted and the admission decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Admitted(UUID candidateId, Decision decision) implements Details {}

    /** transferred by an accepted transfer (kind, until) or by a merge of the member's organization (no kind). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Transferred(String kind, UUID fromOrganizationId, UUID toOrganizationId, LocalDate until, String reason,
            Decision decision) implements Details {}

    /** disciplined: the discipline recorded. */
    public record Disciplined(DisciplineData discipline) implements Details {}

    /** A discipline in an event; authority may be null and is then written as null. */
    public record DisciplineData(UUID id, String form, LocalDate decidedOn, Decision decision, String authority, String reason) {}

    /** The host cells where the member is active today besides their own cell. */
    public List<Host> hosts(UUID memberId, LocalDate today) {
        return em.createQuery("""
                select new vn.grassroots.membership.events.MemberEvents$Host(t.toOrganizationId, t.endDate) from Transfer t
                where t.memberId = :m and t.kind = :kind and t.status = :status and t.endDate >= :today
                order by t.endDate, t.id""", Host.class)
                .setParameter("m", memberId).setParameter("kind", Transfer.Kind.TEMPORARY)
                .setParameter("status", Transfer.Status.ACCEPTED).setParameter("today", today).getResultList();
    }

    /** An event about one member (state after the change) without details, plus its state record. */
    public void member(String type, Member m) {
        member(type, m, null);
    }

    /** An event about one member (state after the change) with its details, plus its state record. */
    public void member(String type, Member m, Details details) {
        MemberData state = MemberData.of(m, hosts(m.id, clock.today()));
        outbox.publish(TOPIC, AGGREGATE, m.id, type, new Payload(state, details));
        outbox.publish(STATE_TOPIC, AGGREGATE, m.id, STATE, state);
    }

    /**
     * The same events as {@link #member} with no details, for many members at once (the CSV import): one
     * {@code INSERT … SELECT} per topic through {@link Outbox#publishEach}, the payloads passed as one JSON array.
     */
    public void members(String type, List<Member> ms) {
        if (ms.isEmpty()) {
            return;
        }
        List<Map<String, Object>> events = new ArrayList<>(ms.size());
        List<Map<String, Object>> states = new ArrayList<>(ms.size());
        for (Member m : ms) {
            MemberData state = MemberData.of(m, List.of()); // a new member has no transfers yet
            events.add(Map.of("id", m.id, "payload", new Payload(state, null)));
            states.add(Map.of("id", m.id, "payload", state));
        }
        String select = "SELECT (e->>'id')::uuid AS id, e->'payload' AS payload FROM jsonb_array_elements(cast(:batch AS jsonb)) e";
        outbox.publishEach(TOPIC, AGGREGATE, type, select, Map.of("batch", write(events)));
        outbox.publishEach(STATE_TOPIC, AGGREGATE, STATE, select, Map.of("batch", write(states)));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be serialized", e);
        }
    }
}
