package vn.grassroots.evaluations.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import vn.grassroots.common.consumer.EventFields;
import vn.grassroots.evaluations.domain.Inputs;

/**
 * The discipline a member's disciplined event carries ({@code data.discipline}), read leniently like {@link IncomingTask}:
 * without its form or decision date it reads as null, and the event is skipped with a reason.
 */
final class IncomingDiscipline {
    private IncomingDiscipline() {
    }

    static Inputs.Discipline read(JsonNode d) {
        LocalDate decidedOn = EventFields.date(d.path("decidedOn"));
        String form = d.path("form").asText("");
        if (decidedOn == null || form.isBlank()) {
            return null;
        }
        JsonNode decision = d.path("decision");
        String issuer = EventFields.text(decision.path("issuer"));
        return new Inputs.Discipline(form, decidedOn, EventFields.text(decision.path("number")),
                EventFields.date(decision.path("date")), issuer != null ? issuer : EventFields.text(d.path("authority")),
                EventFields.text(d.path("reason")));
    }
}
