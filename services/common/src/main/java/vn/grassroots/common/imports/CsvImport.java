package vn.grassroots.common.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.common.text.TextRule;

/**
 * What every CSV import reads alike: the modes, UTF-8, a header of English field names or Vietnamese headers (case,
 * spaces and diacritics ignored), cells checked by the {@link TextRule}, and values (ids, dates, enumerations) read
 * into row errors that name the line and the column.
 */
public final class CsvImport {
    public static final String ALL_OR_NOTHING = "all-or-nothing";
    public static final String VALID_ROWS = "valid-rows";
    public static final String VALIDATING = "VALIDATING";
    public static final String WRITING = "WRITING";
    // strict: 31/02 is refused, not read as 28/02
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private CsvImport() {}

    /** Where a long import stands: rows read (validated), the data rows of the file once known, rows written. */
    public interface Progress {
        Progress NONE = (phase, read, total, written) -> {};

        void at(String phase, int rowsRead, Integer rowsTotal, int rowsWritten);
    }

    public static void requireMode(String mode) {
        if (!ALL_OR_NOTHING.equals(mode) && !VALID_ROWS.equals(mode)) {
            throw ProblemException.invalid("mode", "must be " + ALL_OR_NOTHING + " or " + VALID_ROWS);
        }
    }

    /** The comparison key of a header or a value: no diacritics, case, spaces, underscores or hyphens. */
    public static String key(String s) {
        return SearchText.normalize(s).replace(" ", "").replace("_", "").replace("-", "");
    }

    public static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("not-utf8", "the file must be UTF-8 text");
        }
    }

    /**
     * Reads the records after the header, blank lines skipped: {@code parse} gets each record with an empty list for its
     * errors, and the errors it leaves there go into {@code bad} under the record's line. The number of records read.
     */
    public static int eachRecord(CsvReader reader, Map<Integer, List<RowError>> bad,
            java.util.function.BiConsumer<CsvReader.Record, List<RowError>> parse) {
        int total = 0;
        for (CsvReader.Record rec = reader.next(); rec != null; rec = reader.next()) {
            if (rec.isBlank()) {
                continue;
            }
            total++;
            List<RowError> errors = new ArrayList<>();
            parse.accept(rec, errors);
            if (!errors.isEmpty()) {
                bad.put(rec.line(), errors);
            }
        }
        return total;
    }

    /** The columns an import knows: each field by its English name and its Vietnamese headers. */
    public static final class Columns {
        private final Map<String, String> headers = new HashMap<>();
        private final Set<String> ignored = new HashSet<>();
        private final List<String> required = new ArrayList<>();
        private final Set<String> multiLine = new HashSet<>();

        /** A field, known by its own name and the given headers. */
        public Columns field(String field, String... names) {
            headers.put(key(field), field);
            for (String n : names) {
                headers.put(key(n), field);
            }
            return this;
        }

        public Columns required(String... fields) {
            required.addAll(List.of(fields));
            return this;
        }

        /** Fields whose cells may hold tabs and line breaks (reasons, notes). */
        public Columns multiLine(String... fields) {
            multiLine.addAll(List.of(fields));
            return this;
        }

        /** Headers read and ignored. */
        public Columns ignore(String... names) {
            for (String n : names) {
                ignored.add(key(n));
            }
            return this;
        }

        /** The fields of the header's columns (null for an ignored column); 400 for unknown, repeated or missing columns. */
        public String[] header(CsvReader reader) {
            CsvReader.Record h = reader.next();
            if (h == null || h.isBlank()) {
                throw ProblemException.badRequest("empty-file", "the file has no header line");
            }
            String[] fields = new String[h.cells().size()];
            List<FieldError> problems = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < fields.length; i++) {
                String name = h.cells().get(i).trim();
                String k = key(name);
                if (ignored.contains(k)) {
                    continue;
                }
                String f = headers.get(k);
                if (f == null) {
                    problems.add(new FieldError(name, "is not a known column"));
                } else if (!seen.add(f)) {
                    problems.add(new FieldError(name, "repeats the column " + f));
                } else {
                    fields[i] = f;
                }
            }
            for (String f : required) {
                if (!seen.contains(f)) {
                    problems.add(new FieldError(f, "is a required column"));
                }
            }
            if (!problems.isEmpty()) {
                throw ProblemException.badRequest("bad-csv-header", "the header line names unknown, repeated or missing columns",
                        problems.toArray(FieldError[]::new));
            }
            return fields;
        }

        /**
         * The non-empty cells of a row by field, each checked by the text rule; null (and a row error) when the row has more
         * cells than the header.
         */
        public Map<String, String> cells(String[] fields, CsvReader.Record rec, List<RowError> errors) {
            if (rec.cells().size() > fields.length) {
                errors.add(new RowError(rec.line(), null, "has " + rec.cells().size() + " cells; the header has " + fields.length));
                return null;
            }
            Map<String, String> v = new HashMap<>();
            for (int i = 0; i < rec.cells().size(); i++) {
                String cell = rec.cells().get(i).trim();
                String problem = fields[i] == null ? null : TextRule.problem(cell, multiLine.contains(fields[i]));
                if (problem != null) {
                    errors.add(new RowError(rec.line(), fields[i], problem));
                } else if (fields[i] != null && !cell.isEmpty()) {
                    v.put(fields[i], cell);
                }
            }
            return v;
        }
    }

    public static UUID uuid(Map<String, String> v, String field, int line, List<RowError> errors) {
        String s = v.get(field);
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(line, field, "is not an id (UUID)"));
            return null;
        }
    }

    /** yyyy-mm-dd or dd/mm/yyyy. */
    public static LocalDate date(Map<String, String> v, String field, int line, List<RowError> errors) {
        String s = v.get(field);
        if (s == null) {
            return null;
        }
        try {
            return s.contains("/") ? LocalDate.parse(s, DMY) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(line, field, "is not a date (yyyy-mm-dd or dd/mm/yyyy)"));
            return null;
        }
    }

    /** A value looked up by its {@link #key}; {@code expected} names what is accepted. */
    public static <E> E value(Map<String, String> v, String field, Map<String, E> values, String expected, int line,
            List<RowError> errors) {
        String s = v.get(field);
        if (s == null) {
            return null;
        }
        E e = values.get(key(s));
        if (e == null) {
            errors.add(new RowError(line, field, "must be one of " + expected));
        }
        return e;
    }

    /** A required cell that is empty. */
    public static void required(Map<String, String> v, String field, int line, List<RowError> errors) {
        if (v != null && !v.containsKey(field)) {
            errors.add(new RowError(line, field, "is required"));
        }
    }
}
