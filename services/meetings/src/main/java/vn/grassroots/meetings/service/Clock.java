package vn.grassroots.meetings.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar days as users mean them: Asia/Ho_Chi_Minh. */
public final class Clock {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Clock() {}

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
