package vn.grassroots.common.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV over a whole text, read by Apache Commons CSV: fields separated by commas, optionally quoted with
 * {@code "} (doubled inside), records ending in CRLF, LF or CR, quoted fields may span lines; a leading byte order
 * mark is skipped. Each record knows the line where it starts (line 1 is the first line of the file). A blank line is
 * a record of one empty cell ({@link Record#isBlank()}), which the imports skip, so the line numbers stay those of the
 * file.
 *
 * <p>Odd input is read leniently, as the earlier hand-written reader did: a quote inside an unquoted field is kept,
 * text after a closing quote is appended to the cell ({@code "ab"c} reads {@code abc}), and an unclosed quote runs to
 * the end of the text. One difference: a lone CR (old Mac line end) inside a quoted cell now counts as a line break
 * for the line numbers of the records after it, as editors count it; the earlier reader counted only LF there.
 */
public final class CsvReader {
    public record Record(int line, List<String> cells) {
        public boolean isBlank() {
            return cells.size() == 1 && cells.get(0).isBlank();
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false) // blank lines are records: callers skip them and report file lines
            .setLenientEof(true) // an unclosed quote runs to the end instead of failing the whole file
            .setTrailingData(true) // "ab"c is abc, not an error
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    public CsvReader(String text) {
        try {
            StringReader in = new StringReader(text);
            if (text.startsWith("\uFEFF")) {
                in.skip(1);
            }
            parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        records = parser.iterator();
    }

    /** The next record, or null at the end of the text. */
    public Record next() {
        // lines read so far, taken before hasNext(), which already parses the record
        long before = parser.getCurrentLineNumber();
        if (!records.hasNext()) {
            return null;
        }
        return new Record(Math.toIntExact(before + 1), records.next().toList());
    }
}
