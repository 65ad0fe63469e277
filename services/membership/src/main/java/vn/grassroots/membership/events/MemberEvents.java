package vn.grassroots.membership.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.grassroots.common.outbox.Outbox;
import vn.grassroots.membership.domain.Member;

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
    public static final String STATE = PREFIX + "state";

    private static final String AGGREGATE = "Member";

    @Inject
    Outbox outbox;

    /** The shape of a member in events and on the state topic. */
    public record MemberData(UUID id, String fullName, String gender, LocalDate birthDate, String theoryLevel,
            String partyCardNumber, LocalDate admissionDate, LocalDate officialDate, UUID organizationId, String status,
            LocalDate statusSince, long version, Instant updatedAt) {

        static MemberData of(Member m) {
            return new MemberData(m.id, m.fullName, m.gender.name(), m.birthDate, m.theoryLevel.name(), m.partyCardNumber,
                    m.admissionDate, m.officialDate, m.organizationId, m.status.name(), m.statusSince, m.version, m.updatedAt);
        }
    }

    /** An event about one member (state after the change) plus its state record. */
    public void member(String type, Member m, Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        MemberData state = MemberData.of(m);
        data.put("member", state);
        details.forEach((k, v) -> {
            if (v != null) {
                data.put(k, v);
            }
        });
        outbox.publish(TOPIC, AGGREGATE, m.id, type, data);
        outbox.publish(STATE_TOPIC, AGGREGATE, m.id, STATE, state);
    }
}
