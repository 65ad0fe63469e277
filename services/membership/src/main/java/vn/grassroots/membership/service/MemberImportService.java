package vn.grassroots.membership.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import vn.grassroots.common.imports.CsvImport;
import vn.grassroots.common.imports.CsvReader;
import vn.grassroots.common.imports.ImportReport;
import vn.grassroots.common.imports.RowError;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.report.Labelled;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.membership.domain.Gender;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.domain.MemberStatus;
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
    public static final String ALL_OR_NOTHING = CsvImport.ALL_OR_NOTHING;
    public static final String VALID_ROWS = CsvImport.VALID_ROWS;
    static final int BATCH = 1000;

    /** The columns, by CreateMember field name or Vietnamese header; the export's organization name is ignored. */
    static final CsvImport.Columns COLUMNS = new CsvImport.Columns()
            .field("id").field("email")
            .field("fullName", "Họ và tên", "Họ tên")
            .field("birthDate", "Ngày sinh")
            .field("gender", "Giới tính")
            .field("ethnicity", "Dân tộc")
            .field("religion", "Tôn giáo")
            .field("citizenId", "Số CCCD", "CCCD", "Số căn cước công dân", "Căn cước công dân")
            .field("phone", "Điện thoại", "Số điện thoại")
            .field("homeTown", "Quê quán")
            .field("educationLevel", "Trình độ học vấn", "Học vấn")
            .field("theoryLevel", "Lý luận chính trị", "Trình độ lý luận chính trị")
            .field("occupation", "Nghề nghiệp")
            .field("partyCardNumber", "Số thẻ đảng", "Số thẻ đảng viên")
            .field("admissionDate", "Ngày vào Đảng", "Ngày kết nạp")
            .field("officialDate", "Ngày chính thức")
            .field("organizationId", "Mã chi bộ", "Mã tổ chức đảng")
            .field("status", "Trạng thái")
            .ignore("Tổ chức đảng", "organizationName")
            .required("fullName", "birthDate", "gender", "theoryLevel", "admissionDate", "organizationId", "status");

    static String key(String s) {
        return CsvImport.key(s);
    }

    // A value is read by its code or by the Vietnamese name the CSV export writes (MALE or Nam), accents and case ignored.
    static final Map<String, Gender> GENDERS = byName(Gender.class);
    static final Map<String, TheoryLevel> THEORY = byName(TheoryLevel.class);
    static final Map<String, MemberStatus> STATUSES = byName(MemberStatus.class);

    static {
        THEORY.put("khong", TheoryLevel.NONE);
    }

    private static <E extends Enum<E> & Labelled> Map<String, E> byName(Class<E> type) {
        Map<String, E> names = new HashMap<>();
        for (E e : type.getEnumConstants()) {
            names.put(key(e.name()), e);
            names.put(key(e.vietnamese()), e);
        }
        return names;
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

    public static final String VALIDATING = CsvImport.VALIDATING;
    public static final String WRITING = CsvImport.WRITING;
    static final int PROGRESS_EVERY = 2000;

    /** What can be refused before any row is read (role, mode, encoding, header): answered at once, even for a background import. */
    public void precheck(byte[] body, String mode) {
        allowed(mode);
        header(new CsvReader(decode(body)));
    }

    private void allowed(String mode) {
        access.caller().requireRole(Access.DECIDERS);
        CsvImport.requireMode(mode);
    }

    /** The synchronous import (the transaction is that of the method it calls). */
    public ImportReport importCsv(byte[] body, String mode) {
        return importCsv(body, mode, UUID.randomUUID(), CsvImport.Progress.NONE);
    }

    @Transactional
    @TransactionConfiguration(timeout = 900)
    public ImportReport importCsv(byte[] body, String mode, UUID importId, CsvImport.Progress progress) {
        allowed(mode);
        long started = System.nanoTime();
        String text = decode(body);
        String[] fields = header(new CsvReader(text));

        // pass 1: validate every row
        Map<UUID, Object> orgs = new HashMap<>();
        Map<String, Integer> cardLines = new HashMap<>();
        Map<UUID, Integer> idLines = new HashMap<>();
        TreeMap<Integer, List<RowError>> bad = new TreeMap<>();
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
            List<RowError> errors = new ArrayList<>();
            Commands.CreateMember r = parse(fields, rec, errors);
            if (r != null) {
                validate(r, rec.line(), orgs, errors);
            }
            if (r != null && r.partyCardNumber() != null) {
                Integer first = cardLines.putIfAbsent(r.partyCardNumber(), rec.line());
                if (first != null) {
                    errors.add(new RowError(rec.line(), "partyCardNumber", "duplicates line " + first + " of the file"));
                }
            }
            if (r != null && r.id() != null) {
                Integer first = idLines.putIfAbsent(r.id(), rec.line());
                if (first != null) {
                    errors.add(new RowError(rec.line(), "id", "duplicates line " + first + " of the file"));
                }
            }
            if (!errors.isEmpty()) {
                bad.put(rec.line(), errors);
            }
        }
        takenInDatabase("party_card_number", "partyCardNumber", "is already issued to another member", cardLines, bad);
        takenInDatabase("id", "id", "a member with this id already exists", idLines, bad);

        List<RowError> errors = new ArrayList<>();
        bad.values().forEach(errors::addAll);
        progress.at(VALIDATING, total, total, 0);
        if (!bad.isEmpty() && ALL_OR_NOTHING.equals(mode)) {
            return new ImportReport(importId, mode, total, 0, bad.size(), errors);
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
            Commands.CreateMember r = parse(fields, rec, new ArrayList<>());
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
        ImportReport report = new ImportReport(importId, mode, total, imported, bad.size(), errors);
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
        return CsvImport.decode(body);
    }

    private static String[] header(CsvReader reader) {
        return COLUMNS.header(reader);
    }

    /** The row as a registration request; values that cannot be read are reported and left null. */
    static Commands.CreateMember parse(String[] fields, CsvReader.Record rec, List<RowError> errors) {
        Map<String, String> v = COLUMNS.cells(fields, rec, errors);
        if (v == null) {
            return null;
        }
        int line = rec.line();
        return new Commands.CreateMember(uuid(v, "id", line, errors), v.get("fullName"), date(v, "birthDate", line, errors),
                value(v, "gender", GENDERS, "MALE, FEMALE, Nam or Nữ", line, errors), v.get("ethnicity"), v.get("religion"),
                v.get("citizenId"), v.get("phone"), v.get("email"), v.get("homeTown"), v.get("educationLevel"),
                value(v, "theoryLevel", THEORY, "NONE, ELEMENTARY, INTERMEDIATE, ADVANCED, BACHELOR or Chưa có, Sơ cấp, Trung cấp, Cao cấp, Cử nhân",
                        line, errors),
                v.get("occupation"), v.get("partyCardNumber"), date(v, "admissionDate", line, errors), date(v, "officialDate", line, errors),
                uuid(v, "organizationId", line, errors),
                value(v, "status", STATUSES, "PROBATIONARY, OFFICIAL, EXEMPT or Dự bị, Chính thức, Miễn sinh hoạt", line, errors));
    }

    /** Field constraints, then the registration rules and the organization, as the create path checks them. */
    private void validate(Commands.CreateMember r, int line, Map<UUID, Object> orgs, List<RowError> errors) {
        Set<String> unreadable = new HashSet<>();
        errors.forEach(e -> unreadable.add(e.field()));
        List<RowError> violations = new ArrayList<>();
        for (ConstraintViolation<Commands.CreateMember> c : validator.validate(r)) {
            String field = c.getPropertyPath().toString();
            if (!unreadable.contains(field)) {
                violations.add(new RowError(line, field, c.getMessage()));
            }
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        errors.addAll(violations);
        if (r.organizationId() != null) {
            Object o = orgs.computeIfAbsent(r.organizationId(), this::organization);
            if (o instanceof FieldError fe) {
                errors.add(new RowError(line, fe.field(), fe.message()));
            }
        }
        if (errors.isEmpty()) {
            try {
                MemberService.checkRegistration(r);
            } catch (ProblemException e) {
                FieldError fe = e.errors().isEmpty() ? new FieldError(null, e.getMessage()) : e.errors().get(0);
                errors.add(new RowError(line, fe.field(), fe.message()));
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
            TreeMap<Integer, List<RowError>> bad) {
        List<K> keys = new ArrayList<>(lines.keySet());
        for (int i = 0; i < keys.size(); i += BATCH) {
            @SuppressWarnings("unchecked")
            List<Object> taken = em.createNativeQuery("SELECT " + column + " FROM member WHERE " + column + " IN (:keys)")
                    .setParameter("keys", keys.subList(i, Math.min(keys.size(), i + BATCH))).getResultList();
            for (Object t : taken) {
                int line = lines.get(t);
                bad.computeIfAbsent(line, l -> new ArrayList<>()).add(new RowError(line, field, message));
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

    private static UUID uuid(Map<String, String> v, String field, int line, List<RowError> errors) {
        return CsvImport.uuid(v, field, line, errors);
    }

    private static LocalDate date(Map<String, String> v, String field, int line, List<RowError> errors) {
        return CsvImport.date(v, field, line, errors);
    }

    private static <E> E value(Map<String, String> v, String field, Map<String, E> values, String expected, int line,
            List<RowError> errors) {
        return CsvImport.value(v, field, values, expected, line, errors);
    }
}
