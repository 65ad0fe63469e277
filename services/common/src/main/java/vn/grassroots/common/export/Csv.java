package vn.grassroots.common.export;

/** CSV the way spreadsheets open it: UTF-8 with a byte order mark, CRLF lines, cells quoted when needed. */
public final class Csv {
    public static final String BOM = "\uFEFF";

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
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
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
