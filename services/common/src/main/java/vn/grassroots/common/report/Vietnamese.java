package vn.grassroots.common.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.grassroots.common.time.VietnamClock;

/** Numbers and dates as Vietnamese documents write them: 1.234.567, 57,63 %, 29/11/2026. */
public final class Vietnamese {
    private static final ZoneId VIETNAM = VietnamClock.ZONE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DecimalFormatSymbols SYMBOLS = new DecimalFormatSymbols();

    static {
        SYMBOLS.setDecimalSeparator(',');
        SYMBOLS.setGroupingSeparator('.');
    }

    private Vietnamese() {}

    /** A value as people read it: a code by its Vietnamese name, a date as 29/11/2026, a decimal as 57,63. */
    public static Object text(Object value) {
        if (value instanceof Labelled l) {
            return l.vietnamese();
        } else if (value instanceof LocalDate d) {
            return date(d);
        } else if (value instanceof Instant i) {
            return date(i);
        } else if (value instanceof BigDecimal d) {
            return decimal(d);
        }
        return value;
    }

    public static String number(long n) {
        return new DecimalFormat("#,##0", SYMBOLS).format(n);
    }

    /** A decimal with two places: 57,63 or -3,50. */
    public static String decimal(BigDecimal d) {
        return d == null ? "" : new DecimalFormat("#,##0.00", SYMBOLS).format(d.setScale(2, RoundingMode.HALF_UP));
    }

    /** A share already in percent: 57,63 %. */
    public static String percent(BigDecimal p) {
        return p == null ? "" : decimal(p) + " %";
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    /** The day in Vietnam of an instant. */
    public static String date(Instant i) {
        return i == null ? "" : DAY.format(i.atZone(VIETNAM));
    }
}
