package vn.grassroots.membership.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.grassroots.common.audit.AuditTrail;
import vn.grassroots.common.imports.CsvImport;
import vn.grassroots.common.imports.CsvReader;
import vn.grassroots.common.imports.ImportReport;
import vn.grassroots.common.imports.RowError;
import vn.grassroots.common.problem.Problem.FieldError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.tree.OrgRef;
import vn.grassroots.membership.domain.Member;
import vn.grassroots.membership.events.MemberEvents;
import vn.grassroots.membership.repository.MemberBatches;

/**
 * Bulk registration of members from a CSV file. Every row passes the rules of {@link MemberService#create}
 * (field constraints, {@link Member#checkRegistration}, an ACTIVE cell or party group in the caller's scope,
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

    private final Access access;
    private final Validator validator;
    private final EntityManager em;
    private final MemberEvents events;
    private final MemberBatches batches;
    private final AuditTrail audit;

    public MemberImportService(Access access, Validator validator, EntityManager em, MemberEvents events,
            MemberBatches batches, AuditTrail audit) {
        this.access = access;
        this.validator = validator;
        this.em = em;
        this.events = events;
        this.batches = batches;
        this.audit = audit;
    }

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

        Validated checked = validate(text, fields, progress);
        List<RowError> errors = new ArrayList<>();
        checked.bad().values().forEach(errors::addAll);
        int total = checked.total();
        int rejected = checked.bad().size();
        if (rejected > 0 && ALL_OR_NOTHING.equals(mode)) {
            return new ImportReport(importId, mode, total, 0, rejected, errors);
        }
        int imported = writeGood(text, fields, checked, importId, mode, progress);
        ImportReport report = new ImportReport(importId, mode, total, imported, rejected, errors);
        LOG.infof("import %s: %d rows, %d imported, %d rejected in %d ms", importId, total, imported, rejected,
                (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /** What the first pass found: the rows, the lines refused with why, the organizations the good rows name. */
    private record Validated(int total, TreeMap<Integer, List<RowError>> bad, Map<UUID, Object> orgs) {}

    /** Pass 1: every row checked as the create path checks it, and against the other rows and the database. */
    private Validated validate(String text, String[] fields, CsvImport.Progress progress) {
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
            Commands.CreateMember r = MemberCsvRow.parse(fields, rec, errors);
            if (r != null) {
                validate(r, rec.line(), orgs, errors);
            }
            if (r != null) {
                firstInFile(cardLines, r.partyCardNumber(), rec.line(), "partyCardNumber", errors);
                firstInFile(idLines, r.id(), rec.line(), "id", errors);
            }
            if (!errors.isEmpty()) {
                bad.put(rec.line(), errors);
            }
        }
        takenInDatabase("party_card_number", "partyCardNumber", "is already issued to another member", cardLines, bad);
        takenInDatabase("id", "id", "a member with this id already exists", idLines, bad);

        progress.at(VALIDATING, total, total, 0);
        return new Validated(total, bad, orgs);
    }

    /** A key on an earlier line of the file refuses this row, naming that line. */
    private static <K> void firstInFile(Map<K, Integer> lines, K key, int line, String field, List<RowError> errors) {
        Integer first = key == null ? null : lines.putIfAbsent(key, line);
        if (first != null) {
            errors.add(new RowError(line, field, "duplicates line " + first + " of the file"));
        }
    }

    /** Pass 2: the good rows written in JDBC batches with their events, and one audit entry for the import. */
    private int writeGood(String text, String[] fields, Validated checked, UUID importId, String mode, CsvImport.Progress progress) {
        Instant now = Instant.now();
        List<Member> batch = new ArrayList<>(BATCH);
        Map<UUID, Integer> perOrganization = new LinkedHashMap<>();
        String commonPath = null;
        int imported = 0;
        CsvReader reader = new CsvReader(text);
        reader.next();
        for (CsvReader.Record rec = reader.next(); rec != null; rec = reader.next()) {
            if (rec.isBlank() || checked.bad().containsKey(rec.line())) {
                continue;
            }
            Commands.CreateMember r = MemberCsvRow.parse(fields, rec, new ArrayList<>());
            OrgRef org = (OrgRef) checked.orgs().get(r.organizationId());
            batch.add(MemberService.newMember(r, org, now));
            perOrganization.merge(org.id, 1, Integer::sum);
            commonPath = commonPath == null ? org.path : commonPrefix(commonPath, org.path);
            if (batch.size() == BATCH) {
                imported += insert(batch);
                if (imported % PROGRESS_EVERY == 0) {
                    progress.at(WRITING, checked.total(), checked.total(), imported);
                }
            }
        }
        imported += insert(batch);
        if (imported > 0) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("mode", mode);
            after.put("total", checked.total());
            after.put("imported", imported);
            after.put("rejected", checked.bad().size());
            after.put("membersByOrganization", perOrganization);
            audit.record("members.imported", "MemberImport", importId, commonPath, null, after);
        }
        return imported;
    }

    /** Inserts the batch and appends its outbox events; empties the batch. */
    private int insert(List<Member> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        batches.insert(batch);
        events.members(MemberEvents.REGISTERED, batch);
        int n = batch.size();
        batch.clear();
        return n;
    }

    private static String decode(byte[] body) {
        return CsvImport.decode(body);
    }

    private static String[] header(CsvReader reader) {
        return MemberCsvRow.COLUMNS.header(reader);
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
                Member.checkRegistration(r.status(), r.birthDate(), r.admissionDate(), r.officialDate());
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


}
