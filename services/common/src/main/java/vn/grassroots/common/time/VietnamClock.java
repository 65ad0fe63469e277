package vn.grassroots.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * "Today" everywhere: calendar days are Vietnamese days (due dates, meeting days, periods, Bean Validation's
 * {@code @PastOrPresent}). With the machine's zone (UTC), a date of today given between 00:00 and 07:00 in Hanoi was
 * "in the future" and refused.
 */
@ApplicationScoped
public class VietnamClock implements ClockProvider {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock clock = Clock.system(ZONE);

    @Override
    public Clock getClock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    /** The Vietnamese calendar day of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
