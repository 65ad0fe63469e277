package vn.grassroots.meetings.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.grassroots.common.imports.Attempts;
import vn.grassroots.common.imports.CsvImport;
import vn.grassroots.common.imports.CsvReader;
import vn.grassroots.common.imports.ImportReport;
import vn.grassroots.common.imports.RowError;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.time.VietnamClock;
import vn.grassroots.meetings.domain.AttendanceStatus;
import vn.grassroots.meetings.domain.MeetingFormat;
import vn.grassroots.meetings.domain.MeetingKind;

/**
 * A meeting register (sổ sinh hoạt) imported from CSV: one row per meeting and member. Rows of the same organization,
 * day and kind are one meeting, recorded by {@link MeetingService#recordPast} exactly as the single call records it
 * (window, roster of that day, every member marked, events, audit). A meeting is written whole or not at all: a bad row
 * refuses its meeting, and the meeting's other rows are reported with it.
 */
@ApplicationScoped
public class RegisterImportService {
    private static final Logger LOG = Logger.getLogger(RegisterImportService.class);
    /** 1 MiB, the platform's body limit: about 10,000 rows. */
    public static final int MAX_BYTES = 1 << 20;
    static final int TIMEOUT_SECONDS = 900;
    /** The hour a recorded meeting starts at: the register has the day only. */
    static final LocalTime STARTS = LocalTime.of(7, 30);
    /** The place when the register names none: an in-person meeting has one. */
    static final String NO_PLACE = "Không ghi trong sổ sinh hoạt";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final Pattern MARK = Pattern.compile("attendance\\[(\\d+)\\](?:\\.(\\w+))?");

    static final CsvImport.Columns COLUMNS = new CsvImport.Columns()
            .field("organizationId", "Mã tổ chức", "Mã tổ chức đảng", "Mã chi bộ")
            .field("meetingDate", "Ngày họp", "Ngày sinh hoạt", "date")
            .field("kind", "Loại", "Loại sinh hoạt")
            .field("memberId", "Mã đảng viên")
            .field("status", "Điểm danh", "Có mặt", "Tình trạng", "attendance")
            .field("reason", "Lý do")
            .field("topic", "Nội dung", "Chủ đề")
            .field("place", "Địa điểm")
            .ignore("Họ và tên", "Họ tên", "fullName", "Tên tổ chức", "Tổ chức đảng", "organizationName")
            .multiLine("reason")
            .required("organizationId", "meetingDate", "kind", "memberId", "status");

    static final Map<String, MeetingKind> KINDS = new HashMap<>();
    static final Map<String, AttendanceStatus> STATUSES = new HashMap<>();
    static final Map<MeetingKind, String> KIND_NAMES = Map.of(MeetingKind.REGULAR, "định kỳ", MeetingKind.THEMATIC, "chuyên đề",
            MeetingKind.COMMITTEE, "cấp ủy", MeetingKind.EXTRAORDINARY, "bất thường");

    static {
        for (MeetingKind k : MeetingKind.values()) {
            KINDS.put(CsvImport.key(k.name()), k);
            KINDS.put(CsvImport.key(KIND_NAMES.get(k)), k);
            KINDS.put(CsvImport.key("Sinh hoạt " + KIND_NAMES.get(k)), k);
        }
        KINDS.put(CsvImport.key("Thường kỳ"), MeetingKind.REGULAR);
        KINDS.put(CsvImport.key("Sinh hoạt thường kỳ"), MeetingKind.REGULAR);
        for (AttendanceStatus s : AttendanceStatus.values()) {
            STATUSES.put(CsvImport.key(s.name()), s);
        }
        STATUSES.put(CsvImport.key("Có mặt"), AttendanceStatus.PRESENT);
        STATUSES.put(CsvImport.key("Có"), AttendanceStatus.PRESENT);
        STATUSES.put(CsvImport.key("Vắng có lý do"), AttendanceStatus.ABSENT_EXCUSED);
        STATUSES.put(CsvImport.key("Vắng không lý do"), AttendanceStatus.ABSENT_UNEXCUSED);
        STATUSES.put(CsvImport.key("Vắng không có lý do"), AttendanceStatus.ABSENT_UNEXCUSED);
    }

    private final Access access;
    private final MeetingService meetings;
    private final Validator validator;

    public RegisterImportService(Access access, MeetingService meetings, Validator validator) {
        this.access = access;
        this.meetings = meetings;
        this.validator = validator;
    }

    record Key(UUID organizationId, LocalDate date, MeetingKind kind) {}

    record Row(int line, Key key, Commands.Mark mark, String topic, String place, boolean good) {}

    /** One meeting of the file: its rows in file order. */
    record Group(Key key, List<Row> rows) {}

    /** What is refused before any row is read: role, mode, size, encoding, header. */
    public void precheck(byte[] body, String mode) {
        access.caller().requireRole(Access.KEEPERS);
        CsvImport.requireMode(mode);
        if (body.length > MAX_BYTES) {
            throw new ProblemException(413, "file-too-large", "Payload too large", "the file has " + body.length
                    + " bytes; a register import takes at most " + MAX_BYTES + " (about 10,000 rows): split it by cell or year");
        }
        COLUMNS.header(new CsvReader(CsvImport.decode(body)));
    }

    public ImportReport importCsv(byte[] body, String mode) {
        return importCsv(body, mode, UUID.randomUUID(), CsvImport.Progress.NONE);
    }

    public ImportReport importCsv(byte[] body, String mode, UUID importId, CsvImport.Progress progress) {
        precheck(body, mode);
        long started = System.nanoTime();
        CsvReader reader = new CsvReader(CsvImport.decode(body));
        String[] fields = COLUMNS.header(reader);
        TreeMap<Integer, List<RowError>> bad = new TreeMap<>();
        Map<Key, Group> groups = new LinkedHashMap<>();
        int total = CsvImport.eachRecord(reader, bad, (rec, errors) -> {
            Row row = parse(fields, rec, errors);
            if (row != null) {
                groups.computeIfAbsent(row.key(), k -> new Group(k, new ArrayList<>())).rows().add(row);
            }
        });
        progress.at(CsvImport.VALIDATING, total, total, 0);
        List<Group> tried = tried(groups, bad);
        boolean clean = bad.isEmpty();
        Attempts.Outcome<Group> outcome = Attempts.run(mode, tried, TIMEOUT_SECONDS,
                clean || CsvImport.VALID_ROWS.equals(mode), this::attempt);
        outcome.refused().values().forEach(errors -> errors.forEach(e -> bad.computeIfAbsent(e.line(), l -> new ArrayList<>()).add(e)));
        int imported = outcome.written().stream().mapToInt(g -> g.rows().size()).sum();
        progress.at(CsvImport.WRITING, total, total, imported);
        List<RowError> errors = new ArrayList<>();
        bad.values().forEach(errors::addAll);
        LOG.infof("register import %s: %d rows, %d meetings recorded (%d rows), %d rows rejected in %d ms", importId, total,
                outcome.written().size(), imported, bad.size(), (System.nanoTime() - started) / 1_000_000);
        return new ImportReport(importId, mode, total, imported, bad.size(), errors);
    }

    /** The meetings to try: one with an unreadable row is not tried, the row is reported and the others with it. */
    private static List<Group> tried(Map<Key, Group> groups, TreeMap<Integer, List<RowError>> bad) {
        List<Group> tried = new ArrayList<>();
        for (Group g : groups.values()) {
            List<Integer> badLines = g.rows().stream().filter(r -> !r.good()).map(Row::line).toList();
            if (badLines.isEmpty()) {
                tried.add(g);
            } else {
                refuseOthers(g, badLines, bad);
            }
        }
        return tried;
    }

    /** Records the meetings in order in the current transaction; the refused ones with the errors of their rows. */
    private Map<Group, List<RowError>> attempt(List<Group> groups) {
        Map<Group, List<RowError>> refused = new LinkedHashMap<>();
        for (Group g : groups) {
            try {
                meetings.recordPast(request(g));
            } catch (ProblemException e) {
                refused.put(g, errors(g, e));
            }
        }
        return refused;
    }

    private static Commands.PastMeeting request(Group g) {
        Key k = g.key();
        String topic = g.rows().stream().map(Row::topic).filter(t -> t != null).findFirst()
                .orElse("Sinh hoạt " + KIND_NAMES.get(k.kind()) + " ngày " + k.date().format(DMY));
        String place = g.rows().stream().map(Row::place).filter(p -> p != null).findFirst().orElse(NO_PLACE);
        OffsetDateTime startsAt = k.date().atTime(STARTS).atZone(VietnamClock.ZONE).toOffsetDateTime();
        Commands.MeetingInput meeting = new Commands.MeetingInput(k.organizationId(), k.kind(), MeetingFormat.IN_PERSON, startsAt,
                place, null, topic, null, null);
        return new Commands.PastMeeting(meeting, g.rows().stream().map(Row::mark).toList(), null, null);
    }

    /** A refusal of the meeting as row errors: on the row it names (attendance[i]), the rest on every row of the meeting. */
    private static List<RowError> errors(Group g, ProblemException e) {
        TreeMap<Integer, List<RowError>> byLine = new TreeMap<>();
        List<String> whole = new ArrayList<>();
        String wholeField = null;
        for (FieldError fe : e.errors()) {
            Matcher m = fe.field() == null ? null : MARK.matcher(fe.field());
            if (m != null && m.matches() && Integer.parseInt(m.group(1)) < g.rows().size()) {
                int line = g.rows().get(Integer.parseInt(m.group(1))).line();
                byLine.computeIfAbsent(line, l -> new ArrayList<>()).add(new RowError(line, m.group(2), e.slug() + ": " + fe.message()));
            } else {
                if (fe.message() != null && !e.getMessage().contains(fe.message())) {
                    whole.add(fe.message());
                }
                if (fe.field() != null && fe.field().endsWith("startsAt")) {
                    wholeField = "meetingDate";
                } else if (fe.field() != null && fe.field().endsWith("organizationId")) {
                    wholeField = "organizationId";
                }
            }
        }
        if (byLine.isEmpty() || !whole.isEmpty() || wholeField != null) {
            String message = e.slug() + ": " + e.getMessage() + (whole.isEmpty() ? "" : " (" + String.join("; ", whole) + ")");
            for (Row r : g.rows()) {
                byLine.computeIfAbsent(r.line(), l -> new ArrayList<>()).add(new RowError(r.line(), wholeField, message));
            }
        } else {
            String lines = byLine.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
            for (Row r : g.rows()) {
                if (!byLine.containsKey(r.line())) {
                    byLine.put(r.line(), List.of(new RowError(r.line(), null, "not recorded: its meeting is refused for line " + lines)));
                }
            }
        }
        List<RowError> out = new ArrayList<>();
        byLine.values().forEach(out::addAll);
        return out;
    }

    private static void refuseOthers(Group g, List<Integer> badLines, Map<Integer, List<RowError>> bad) {
        for (Row r : g.rows()) {
            if (r.good()) {
                bad.computeIfAbsent(r.line(), l -> new ArrayList<>()).add(new RowError(r.line(), null,
                        "not recorded: its meeting is refused for line " + badLines.stream().map(String::valueOf).collect(Collectors.joining(", "))));
            }
        }
    }

    /** The row; null when its meeting (organization, day, kind) cannot be read. */
    private Row parse(String[] fields, CsvReader.Record rec, List<RowError> errors) {
        Map<String, String> v = COLUMNS.cells(fields, rec, errors);
        if (v == null) {
            return null;
        }
        int line = rec.line();
        for (String f : List.of("organizationId", "meetingDate", "kind", "memberId", "status")) {
            CsvImport.required(v, f, line, errors);
        }
        UUID org = CsvImport.uuid(v, "organizationId", line, errors);
        LocalDate date = CsvImport.date(v, "meetingDate", line, errors);
        MeetingKind kind = CsvImport.value(v, "kind", KINDS, "REGULAR, THEMATIC, COMMITTEE, EXTRAORDINARY or Định kỳ (Thường kỳ), "
                + "Chuyên đề, Cấp ủy, Bất thường", line, errors);
        UUID member = CsvImport.uuid(v, "memberId", line, errors);
        AttendanceStatus status = CsvImport.value(v, "status", STATUSES, "PRESENT, ABSENT_EXCUSED, ABSENT_UNEXCUSED or Có mặt, "
                + "Vắng có lý do, Vắng không lý do", line, errors);
        Commands.Mark mark = new Commands.Mark(member, status, v.get("reason"));
        if (member != null && status != null) {
            for (ConstraintViolation<Commands.Mark> c : validator.validate(mark)) {
                errors.add(new RowError(line, c.getPropertyPath().toString(), c.getMessage()));
            }
        }
        String topic = v.get("topic");
        if (topic != null && topic.length() > 500) {
            errors.add(new RowError(line, "topic", "size must be between 0 and 500"));
        }
        String place = v.get("place");
        if (place != null && place.length() > 500) {
            errors.add(new RowError(line, "place", "size must be between 0 and 500"));
        }
        if (org == null || date == null || kind == null) {
            return null;
        }
        return new Row(line, new Key(org, date, kind), mark, topic, place, errors.isEmpty());
    }
}
