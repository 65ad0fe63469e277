package vn.grassroots.common.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader over a whole CSV text: fields separated by commas, optionally quoted with {@code "}
 * (doubled inside), records ending in CRLF or LF, quoted fields may span lines; a leading byte order mark is
 * skipped. Each record knows the line where it starts (line 1 is the first line of the file).
 */
public final class CsvReader {
    public record Record(int line, List<String> cells) {
        public boolean isBlank() {
            return cells.size() == 1 && cells.get(0).isBlank();
        }
    }

    private final String text;
    private int pos;
    private int line = 1;

    public CsvReader(String text) {
        this.text = text;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /** The next record, or null at the end of the text. */
    public Record next() {
        if (pos >= text.length()) {
            return null;
        }
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (quoted) {
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        cell.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                cells.add(cell.toString());
                return new Record(start, cells);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return new Record(start, cells);
    }
}
