package vn.grassroots.membership.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.text.TextRule;
import vn.grassroots.common.text.SearchText;
import vn.grassroots.membership.api.Requests;
import vn.grassroots.membership.api.Views;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.MemberStatus;
import vn.grassroots.membership.domain.OrgRef;
import vn.grassroots.membership.domain.TheoryLevel;
import vn.grassroots.membership.events.MemberEvents;

/**
 * Bulk registration of members from a CSV file. Every row passes the rules of {@link MemberService#create}
 * (field constraints, {@link MemberService#checkRegistration}, an ACTIVE cell or party group in the caller's scope,
 * card numbers unique in the file and in the database). Two passes over the text keep memory small: the first
 * validates every row and remembers only the bad lines, the second builds the good members and writes them in
 * JDBC batches with their outbox events, all in one transaction. One audit entry records the import.
 */
@ApplicationScoped
public class MemberImportService {
    private static final Logger LOG = Logger.getLogger(MemberImportService.class);
    public static final String ALL_OR_NOTHING = "all-or-nothing";
    public static final String VALID_ROWS = "valid-rows";
    static final int BATCH = 1000;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** Header (without diacritics, case and spaces) → CreateMember field. */
    static final Map<String, String> HEADERS = new HashMap<>();
    /** Headers read and ignored: the organization name of the export. */
    static final Set<String> IGNORED = Set.of("tochucdang", "organizationname");
    static final List<String> REQUIRED = List.of("fullName", "birthDate", "gender", "theoryLevel", "admissionDate", "organizationId", "status");

    static {
        for (String f : List.of("id", "fullName", "birthDate", "gender", "ethnicity", "religion", "citizenId", "phone", "email",
                "homeTown", "educationLevel", "theoryLevel", "occupation", "partyCardNumber", "admissionDate", "officialDate",
                "organizationId", "status")) {
            HEADERS.put(key(f), f);
        }
        header("fullName", "Họ và tên", "Họ tên");
        header("birthDate", "Ngày sinh");
        header("gender", "Giới tính");
        header("ethnicity", "Dân tộc");
        header("religion", "Tôn giáo");
        header("citizenId", "Số CCCD", "CCCD", "Số căn cước công dân", "Căn cước công dân");
        header("phone", "Điện thoại", "Số điện thoại");
        header("homeTown", "Quê quán");
        header("educationLevel", "Trình độ học vấn", "Học vấn");
        header("theoryLevel", "Lý luận chính trị", "Trình độ lý luận chính trị");
        header("occupation", "Nghề nghiệp");
        header("partyCardNumber", "Số thẻ đảng", "Số thẻ đảng viên");
        header("admissionDate", "Ngày vào Đảng", "Ngày kết nạp");
        header("officialDate", "Ngày chính thức");
        header("organizationId", "Mã chi bộ", "Mã tổ chức đảng");
        header("status", "Trạng thái");
    }

    private static void header(String field, String... names) {
        for (String n : names) {
            HEADERS.put(key(n), field);
        }
    }

    static String key(String s) {
        return SearchText.normalize(s).replace(" ", "").replace("_", "").replace("-", "");
    }

    static final Map<String, Gender> GENDERS = Map.of("nam", Gender.MALE, "male", Gender.MALE, "nu", Gender.FEMALE, "female", Gender.FEMALE);
    static final Map<String, TheoryLevel> THEORY = new HashMap<>();
    static final Map<String, MemberStatus> STATUSES = new HashMap<>();

    static {
        for (TheoryLevel t : TheoryLevel.values()) {
            THEORY.put(key(t.name()), t);
        }
        THEORY.putAll(Map.of("chuaco", TheoryLevel.NONE, "khong", TheoryLevel.NONE, "socap", TheoryLevel.ELEMENTARY,
                "trungcap", TheoryLevel.INTERMEDIATE, "caocap", TheoryLevel.ADVANCED, "cunhan", TheoryLevel.BACHELOR));
        for (MemberStatus s : MemberStatus.values()) {
            STATUSES.put(key(s.name()), s);
        }
        STATUSES.putAll(Map.of("dubi", MemberStatus.PROBATIONARY, "chinhthuc", MemberStatus.OFFICIAL,
                "miensinhhoat", MemberStatus.EXEMPT, "chuyendi", MemberStatus.TRANSFERRED_OUT, "xoaten", MemberStatus.REMOVED,
                "khaitru", MemberStatus.EXPELLED, "tutran", MemberStatus.DECEASED));
    }

    @Inject
    Access access;

    @Inject
    Validator validator;

    @Inject
    EntityManager em;

    @Inject
    MemberEvents events;

    @Inject
    AuditTrail audit;

    /** Where a long import stands: rows read (validated), the data rows of the file once known, rows written. */
    public interface Progress {
        Progress NONE = (phase, read, total, written) -> {};

        void at(String phase, int rowsRead, Integer rowsTotal, int rowsWritten);
    }

    public static final String VALIDATING = "VALIDATING";
    public static final String WRITING = "WRITING";
    static final int PROGRESS_EVERY = 2000;

    /** What can be refused before any row is read (role, mode, encoding, header): answered at once, even for a background import. */
    public void precheck(byte[] body, String mode) {
        allowed(mode);
        header(new CsvReader(decode(body)));
    }

    private void allowed(String mode) {
        access.caller().requireRole(Access.DECIDERS);
        if (!ALL_OR_NOTHING.equals(mode) && !VALID_ROWS.equals(mode)) {
            throw ProblemException.invalid("mode", "must be " + ALL_OR_NOTHING + " or " + VALID_ROWS);
        }
    }

    /** The synchronous import (the transaction is that of the method it calls). */
    public Views.ImportReport importCsv(byte[] body, String mode) {
        return importCsv(body, mode, UUID.randomUUID(), Progress.NONE);
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Views.ImportReport importCsv(byte[] body, String mode, UUID importId, Progress progress) {
        allowed(mode);
        long started = System.nanoTime();
        String text = decode(body);
        String[] fields = header(new CsvReader(text));

        // pass 1: validate every row
        Map<UUID, Object> orgs = new HashMap<>();
        Map<String, Integer> cardLines = new HashMap<>();
        Map<UUID, Integer> idLines = new HashMap<>();
        TreeMap<Integer, List<Views.RowError>> bad = new TreeMap<>();
        CsvReader reader = new CsvReader(text);
        reader.next();
        int total = 0;
        for (CsvReader.Record rec = reader.next(); rec != null; rec = reader.next()) {
            if (rec.isBlank()) {
                continue;
            }
            total++;
            if (total % PROGRESS_EVERY == 0) {
                progress.at(VALIDATING, total, null, 0);
            }
            List<Views.RowError> errors = new ArrayList<>();
            Requests.CreateMember r = parse(fields, rec, errors);
            if (r != null) {
                validate(r, rec.line(), orgs, errors);
            }
            if (r != null && r.partyCardNumber() != null) {
                Integer first = cardLines.putIfAbsent(r.partyCardNumber(), rec.line());
                if (first != null) {
                    errors.add(new Views.RowError(rec.line(), "partyCardNumber", "duplicates line " + first + " of the file"));
                }
            }
            if (r != null && r.id() != null) {
                Integer first = idLines.putIfAbsent(r.id(), rec.line());
                if (first != null) {
                    errors.add(new Views.RowError(rec.line(), "id", "duplicates line " + first + " of the file"));
                }
            }
            if (!errors.isEmpty()) {
                bad.put(rec.line(), errors);
            }
        }
        takenInDatabase("party_card_number", "partyCardNumber", "is already issued to another member", cardLines, bad);
        takenInDatabase("id", "id", "a member with this id already exists", idLines, bad);

        List<Views.RowError> errors = new ArrayList<>();
        bad.values().forEach(errors::addAll);
        progress.at(VALIDATING, total, total, 0);
        if (!bad.isEmpty() && ALL_OR_NOTHING.equals(mode)) {
            return new Views.ImportReport(importId, mode, total, 0, bad.size(), errors);
        }

        // pass 2: write the good rows
        Instant now = Instant.now();
        List<Member> batch = new ArrayList<>(BATCH);
        Map<UUID, Integer> perOrganization = new LinkedHashMap<>();
        String commonPath = null;
        int imported = 0;
        reader = new CsvReader(text);
        reader.next();
        for (CsvReader.Record rec = reader.next(); rec != null; rec = reader.next()) {
            if (rec.isBlank() || bad.containsKey(rec.line())) {
                continue;
            }
            Requests.CreateMember r = parse(fields, rec, new ArrayList<>());
            OrgRef org = (OrgRef) orgs.get(r.organizationId());
            batch.add(MemberService.newMember(r, org, now));
            perOrganization.merge(org.id, 1, Integer::sum);
            commonPath = commonPath == null ? org.path : commonPrefix(commonPath, org.path);
            if (batch.size() == BATCH) {
                imported += write(batch);
                if (imported % PROGRESS_EVERY == 0) {
                    progress.at(WRITING, total, total, imported);
                }
            }
        }
        imported += write(batch);
        Views.ImportReport report = new Views.ImportReport(importId, mode, total, imported, bad.size(), errors);
        if (imported > 0) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("mode", mode);
            after.put("total", total);
            after.put("imported", imported);
            after.put("rejected", bad.size());
            after.put("membersByOrganization", perOrganization);
            audit.record("members.imported", "MemberImport", importId, commonPath, null, after);
        }
        LOG.infof("import %s: %d rows, %d imported, %d rejected in %d ms", importId, total, imported, bad.size(),
                (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("not-utf8", "the file must be UTF-8 text");
        }
    }

    /** The fields of the header's columns (null for an ignored column); 400 for unknown, repeated or missing columns. */
    private static String[] header(CsvReader reader) {
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
            if (IGNORED.contains(k)) {
                continue;
            }
            String f = HEADERS.get(k);
            if (f == null) {
                problems.add(new FieldError(name, "is not a known column"));
            } else if (!seen.add(f)) {
                problems.add(new FieldError(name, "repeats the column " + f));
            } else {
                fields[i] = f;
            }
        }
        for (String f : REQUIRED) {
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

    /** The row as a registration request; values that cannot be read are reported and left null. */
    static Requests.CreateMember parse(String[] fields, CsvReader.Record rec, List<Views.RowError> errors) {
        if (rec.cells().size() > fields.length) {
            errors.add(new Views.RowError(rec.line(), null, "has " + rec.cells().size() + " cells; the header has " + fields.length));
            return null;
        }
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < rec.cells().size(); i++) {
            String cell = rec.cells().get(i).trim();
            String problem = fields[i] == null ? null : TextRule.problem(cell, false);
            if (problem != null) {
                errors.add(new Views.RowError(rec.line(), fields[i], problem));
            } else if (fields[i] != null && !cell.isEmpty()) {
                v.put(fields[i], cell);
            }
        }
        int line = rec.line();
        return new Requests.CreateMember(uuid(v, "id", line, errors), v.get("fullName"), date(v, "birthDate", line, errors),
                value(v, "gender", GENDERS, "MALE, FEMALE, Nam or Nữ", line, errors), v.get("ethnicity"), v.get("religion"),
                v.get("citizenId"), v.get("phone"), v.get("email"), v.get("homeTown"), v.get("educationLevel"),
                value(v, "theoryLevel", THEORY, "NONE, ELEMENTARY, INTERMEDIATE, ADVANCED, BACHELOR or Chưa có, Sơ cấp, Trung cấp, Cao cấp, Cử nhân",
                        line, errors),
                v.get("occupation"), v.get("partyCardNumber"), date(v, "admissionDate", line, errors), date(v, "officialDate", line, errors),
                uuid(v, "organizationId", line, errors),
                value(v, "status", STATUSES, "PROBATIONARY, OFFICIAL, EXEMPT or Dự bị, Chính thức, Miễn sinh hoạt", line, errors));
    }

    /** Field constraints, then the registration rules and the organization, as the create path checks them. */
    private void validate(Requests.CreateMember r, int line, Map<UUID, Object> orgs, List<Views.RowError> errors) {
        Set<String> unreadable = new HashSet<>();
        errors.forEach(e -> unreadable.add(e.field()));
        List<Views.RowError> violations = new ArrayList<>();
        for (ConstraintViolation<Requests.CreateMember> c : validator.validate(r)) {
            String field = c.getPropertyPath().toString();
            if (!unreadable.contains(field)) {
                violations.add(new Views.RowError(line, field, c.getMessage()));
            }
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        errors.addAll(violations);
        if (r.organizationId() != null) {
            Object o = orgs.computeIfAbsent(r.organizationId(), this::organization);
            if (o instanceof FieldError fe) {
                errors.add(new Views.RowError(line, fe.field(), fe.message()));
            }
        }
        if (errors.isEmpty()) {
            try {
                MemberService.checkRegistration(r);
            } catch (ProblemException e) {
                FieldError fe = e.errors().isEmpty() ? new FieldError(null, e.getMessage()) : e.errors().get(0);
                errors.add(new Views.RowError(line, fe.field(), fe.message()));
            }
        }
    }

    /** The organization as {@link Access#memberHolding} accepts it, or why not. */
    private Object organization(UUID id) {
        try {
            return access.memberHolding(id, "organizationId");
        } catch (ProblemException e) {
            String message = e.status() == 403 ? "is outside your scope"
                    : e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
            return new FieldError("organizationId", message);
        }
    }

    private <K> void takenInDatabase(String column, String field, String message, Map<K, Integer> lines,
            TreeMap<Integer, List<Views.RowError>> bad) {
        List<K> keys = new ArrayList<>(lines.keySet());
        for (int i = 0; i < keys.size(); i += BATCH) {
            @SuppressWarnings("unchecked")
            List<Object> taken = em.createNativeQuery("SELECT " + column + " FROM member WHERE " + column + " IN (:keys)")
                    .setParameter("keys", keys.subList(i, Math.min(keys.size(), i + BATCH))).getResultList();
            for (Object t : taken) {
                int line = lines.get(t);
                bad.computeIfAbsent(line, l -> new ArrayList<>()).add(new Views.RowError(line, field, message));
            }
        }
    }

    /** Inserts the batch with one JDBC batch and appends its outbox events; empties the batch. */
    private int write(List<Member> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO member (id, full_name, search_name, birth_date, gender, ethnicity, religion, citizen_id, phone, email,
                        home_town, education_level, theory_level, occupation, party_card_number, admission_date, official_date,
                        organization_id, status, status_since, created_at, updated_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Member m : batch) {
                    OffsetDateTime at = m.createdAt.atOffset(ZoneOffset.UTC);
                    ps.setObject(1, m.id);
                    ps.setString(2, m.fullName);
                    ps.setString(3, m.searchName);
                    ps.setObject(4, m.birthDate);
                    ps.setString(5, m.gender.name());
                    ps.setString(6, m.ethnicity);
                    ps.setString(7, m.religion);
                    ps.setString(8, m.citizenId);
                    ps.setString(9, m.phone);
                    ps.setString(10, m.email);
                    ps.setString(11, m.homeTown);
                    ps.setString(12, m.educationLevel);
                    ps.setString(13, m.theoryLevel.name());
                    ps.setString(14, m.occupation);
                    ps.setString(15, m.partyCardNumber);
                    ps.setObject(16, m.admissionDate);
                    if (m.officialDate == null) {
                        ps.setNull(17, Types.DATE);
                    } else {
                        ps.setObject(17, m.officialDate);
                    }
                    ps.setObject(18, m.organizationId);
                    ps.setString(19, m.status.name());
                    ps.setObject(20, m.statusSince);
                    ps.setObject(21, at);
                    ps.setObject(22, at);
                    ps.setLong(23, m.version);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        events.members(MemberEvents.REGISTERED, batch);
        int n = batch.size();
        batch.clear();
        return n;
    }

    private static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int last = 0;
        for (int i = 0; i < n && a.charAt(i) == b.charAt(i); i++) {
            if (a.charAt(i) == '/') {
                last = i + 1;
            }
        }
        return a.substring(0, last);
    }

    private static UUID uuid(Map<String, String> v, String field, int line, List<Views.RowError> errors) {
        String s = v.get(field);
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            errors.add(new Views.RowError(line, field, "is not an id (UUID)"));
            return null;
        }
    }

    private static LocalDate date(Map<String, String> v, String field, int line, List<Views.RowError> errors) {
        String s = v.get(field);
        if (s == null) {
            return null;
        }
        try {
            return s.contains("/") ? LocalDate.parse(s, DMY) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(new Views.RowError(line, field, "is not a date (yyyy-mm-dd or dd/mm/yyyy)"));
            return null;
        }
    }

    private static <E> E value(Map<String, String> v, String field, Map<String, E> values, String expected, int line,
            List<Views.RowError> errors) {
        String s = v.get(field);
        if (s == null) {
            return null;
        }
        E e = values.get(key(s));
        if (e == null) {
            errors.add(new Views.RowError(line, field, "must be one of " + expected));
        }
        return e;
    }
}
