package vn.grassroots.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock of Bean Validation (@PastOrPresent, @Future …): calendar days are Vietnamese days. With the machine's zone
 * (UTC), a date of today given between 00:00 and 07:00 in Hanoi was "in the future" and refused.
 */
@ApplicationScoped
public class VietnamClock implements ClockProvider {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Override
    public Clock getClock() {
        return Clock.system(ZONE);
    }
}
