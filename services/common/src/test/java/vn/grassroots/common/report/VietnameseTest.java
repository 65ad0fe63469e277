package vn.grassroots.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.grassroots.common.tree.OrganizationType;
import vn.grassroots.common.tree.Sector;

/** Numbers, dates and names as Vietnamese documents write them. */
class VietnameseTest {

    @Test
    void numbersGroupWithDotsAndDecimalsTakeACommaAndTwoPlaces() {
        assertEquals("5.655.562", Vietnamese.number(5_655_562));
        assertEquals("0", Vietnamese.number(0));
        assertEquals("57,63 %", Vietnamese.percent(new BigDecimal("57.63")));
        assertEquals("50,00 %", Vietnamese.percent(new BigDecimal("50")));
        assertEquals("9,09 %", Vietnamese.percent(new BigDecimal("9.0909")));
        assertEquals("1.234,50", Vietnamese.decimal(new BigDecimal("1234.5")));
        assertEquals("-36,36", Vietnamese.decimal(new BigDecimal("-36.36")));
        assertEquals("", Vietnamese.percent(null));
    }

    @Test
    void datesAreDayMonthYearInVietnam() {
        assertEquals("29/11/2026", Vietnamese.date(LocalDate.of(2026, 11, 29)));
        // 17:30 UTC on the 29th is already the 30th in Hà Nội (UTC+7)
        assertEquals("30/11/2026", Vietnamese.date(Instant.parse("2026-11-29T17:30:00Z")));
        assertEquals("", Vietnamese.date((LocalDate) null));
    }

    @Test
    void aValueReadsAsPeopleReadIt() {
        assertEquals("Chi bộ cơ sở", Vietnamese.text(OrganizationType.GRASSROOTS_CELL));
        assertEquals("12/04/1985", Vietnamese.text(LocalDate.of(1985, 4, 12)));
        assertEquals("63,64", Vietnamese.text(new BigDecimal("63.64")));
        assertEquals("Thái", Vietnamese.text("Thái"));
        assertEquals(42L, Vietnamese.text(42L));
        assertNull(Vietnamese.text(null));
    }

    @Test
    void aCodeIsNamedByTheFirstEnumThatHasItAndKeptWhenNoneHas() {
        assertEquals("Đơn vị sự nghiệp", Labelled.of("PUBLIC_SERVICE", OrganizationType.class, Sector.class));
        assertEquals("Chi bộ trực thuộc", Labelled.of("SUBORDINATE_CELL", OrganizationType.class, Sector.class));
        assertEquals("Doanh nghiệp ngoài nhà nước", Labelled.of("PRIVATE_ENTERPRISE", Sector.class));
        assertEquals("SOMETHING_NEW", Labelled.of("SOMETHING_NEW", OrganizationType.class, Sector.class));
        assertEquals("", Labelled.of(null, Sector.class));
        for (Sector s : Sector.values()) {
            assertEquals(s.vietnamese(), Labelled.of(s.name(), Sector.class));
        }
    }
}
