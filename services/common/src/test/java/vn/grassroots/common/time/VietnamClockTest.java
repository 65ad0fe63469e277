package vn.grassroots.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Calendar days are Vietnamese days, seven hours ahead of UTC. */
class VietnamClockTest {

    @Test
    void aDayStartsAtMidnightInHanoi() {
        assertEquals(LocalDate.of(2026, 12, 1), VietnamClock.dateOf(Instant.parse("2026-11-30T17:00:00Z")));
        assertEquals(LocalDate.of(2026, 11, 30), VietnamClock.dateOf(Instant.parse("2026-11-30T16:59:59Z")));
    }

    @Test
    void todayIsTheDayInHanoi() {
        VietnamClock clock = new VietnamClock();
        LocalDate before = ZonedDateTime.now(VietnamClock.ZONE).toLocalDate();
        LocalDate today = clock.today();
        LocalDate after = ZonedDateTime.now(VietnamClock.ZONE).toLocalDate();
        // a midnight in Hanoi may pass between the reads
        assertEquals(true, today.equals(before) || today.equals(after));
        assertEquals(VietnamClock.ZONE, clock.getClock().getZone());
        assertEquals(today.getYear() * 12 + today.getMonthValue(), clock.thisMonth().getYear() * 12 + clock.thisMonth().getMonthValue());
    }
}
