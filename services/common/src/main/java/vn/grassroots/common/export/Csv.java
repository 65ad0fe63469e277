package vn.grassroots.common.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV the way spreadsheets open it: UTF-8 with a byte order mark, CRLF lines, cells quoted when needed. Apache Commons
 * CSV writes a quoted cell; when to quote stays decided here (a comma, quote, CR or LF), because Commons CSV's
 * minimal quoting also quotes e.g. a cell starting with a space or {@code #} or an empty first cell, which would change
 * the bytes of every export.
 */
public final class Csv {
    public static final String BOM = "\uFEFF";

    private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    private Csv() {}

    /** One cell: empty for null; a leading = + - @ gets a quote mark (no formulas in spreadsheets). */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (!s.contains(",") && !s.contains("\"") && !s.contains("\n") && !s.contains("\r")) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        try {
            QUOTED.print(s, b, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    /** A line of cells, CRLF-terminated. */
    public static String line(Object... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells[i]));
        }
        return b.append("\r\n").toString();
    }
}
