package vn.grassroots.membership.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import vn.grassroots.common.consumer.ProcessedEvents;
import vn.grassroots.common.consumer.UnexcusedAbsence;
import vn.grassroots.membership.service.RemovalReviewService;

/**
 * Applies a {@code vn.grassroots.meeting.absence-unexcused} event once: remembers the absence (one per member and
 * meeting) and lets {@link RemovalReviewService} flag the member when a third month of the year has one.
 */
@ApplicationScoped
public class AbsenceApplier {
    static final String CONSUMER = "meetings";
    private static final Pattern MONTH = Pattern.compile("^\\d{4}-(0[1-9]|1[0-2])$");

    private final ProcessedEvents processed;
    private final RemovalReviewService reviews;

    public AbsenceApplier(ProcessedEvents processed, RemovalReviewService reviews) {
        this.processed = processed;
        this.reviews = reviews;
    }

    /** Null when applied, already applied or of a type membership does not need; else why it was skipped. */
    @Transactional
    public String apply(JsonNode event) {
        if (!UnexcusedAbsence.TYPE.equals(event.path("type").asText())) {
            return null;
        }
        UnexcusedAbsence a = UnexcusedAbsence.read(event.path("data"));
        if (a.memberId() == null || a.meetingId() == null || !MONTH.matcher(a.month()).matches()) {
            return "an absence needs data.memberId, data.meeting.id and data.month (YYYY-MM)";
        }
        LocalDate date = null;
        try {
            date = a.meetingDate().isEmpty() ? null : LocalDate.parse(a.meetingDate());
        } catch (DateTimeParseException e) {
            return "data.meeting.meetingDate is not a date";
        }
        if (!processed.firstDelivery(CONSUMER, event.path("id").asText())) {
            return null;
        }
        reviews.absent(a.memberId(), a.meetingId(), a.organizationId(), a.month(), date);
        return null;
    }
}
