package vn.grassroots.evaluations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.grassroots.common.imports.Attempts;
import vn.grassroots.common.imports.CsvImport;
import vn.grassroots.common.imports.CsvReader;
import vn.grassroots.common.imports.ImportReport;
import vn.grassroots.common.imports.RowError;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;
import vn.grassroots.evaluations.domain.PolicyDocument;
import vn.grassroots.evaluations.domain.SubjectType;

/**
 * Past ratings (e.g. the 2017 cycle) imported from CSV: each row is an item of {@link RatingService#bulk}, proposed and
 * decided at its level, and goes through the same rule code ({@link RatingService#take}): rights (the decision by a
 * superior), scope, a subject known here, a level of the cycle's policy, caps and quotas counting the rows before it.
 */
@ApplicationScoped
public class RatingImportService {
    private static final Logger LOG = Logger.getLogger(RatingImportService.class);
    /** 1 MiB, the platform's body limit: about 10,000 rows. */
    public static final int MAX_BYTES = 1 << 20;
    static final int TIMEOUT_SECONDS = 900;

    static final CsvImport.Columns COLUMNS = new CsvImport.Columns()
            .field("subjectType", "Đối tượng", "Loại đối tượng")
            .field("subjectId", "Mã đối tượng", "Mã")
            .field("level", "Xếp loại", "Mức xếp loại", "Kết quả xếp loại")
            .field("comment", "Ghi chú", "Nhận xét", "note")
            .ignore("Họ và tên", "Họ tên", "Tên", "Tên tổ chức", "subjectName", "fullName")
            .multiLine("comment")
            .required("subjectType", "subjectId", "level");

    static final Map<String, SubjectType> SUBJECTS = Map.of(CsvImport.key("MEMBER"), SubjectType.MEMBER,
            CsvImport.key("Đảng viên"), SubjectType.MEMBER, CsvImport.key("ORGANIZATION"), SubjectType.ORGANIZATION,
            CsvImport.key("Tổ chức"), SubjectType.ORGANIZATION, CsvImport.key("Tổ chức đảng"), SubjectType.ORGANIZATION);

    private final Caller caller;
    private final CycleService cycles;
    private final PolicyService policies;
    private final RatingService ratings;

    public RatingImportService(Caller caller, CycleService cycles, PolicyService policies, RatingService ratings) {
        this.caller = caller;
        this.cycles = cycles;
        this.policies = policies;
        this.ratings = ratings;
    }

    record Row(int line, Commands.BulkItem item) {}

    /** What is refused before any row is read: role, mode, size, the cycle (readable, open), encoding, header. */
    @Transactional
    public void precheck(UUID cycleId, byte[] body, String mode) {
        caller.requireRole(RatingService.KEEPERS);
        CsvImport.requireMode(mode);
        if (body.length > MAX_BYTES) {
            throw new ProblemException(413, "file-too-large", "Payload too large", "the file has " + body.length
                    + " bytes; a ratings import takes at most " + MAX_BYTES + " (about 10,000 rows): split it by organization");
        }
        CycleService.requireOpen(cycles.readable(cycleId));
        COLUMNS.header(new CsvReader(CsvImport.decode(body)));
    }

    public ImportReport importCsv(UUID cycleId, byte[] body, String mode) {
        return importCsv(cycleId, body, mode, UUID.randomUUID(), CsvImport.Progress.NONE);
    }

    public ImportReport importCsv(UUID cycleId, byte[] body, String mode, UUID importId, CsvImport.Progress progress) {
        precheck(cycleId, body, mode);
        long started = System.nanoTime();
        PolicyDocument policy = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> policies.document(cycles.find(cycleId).policyId()));
        Map<SubjectType, Map<String, String>> levels = levelCodes(policy);
        CsvReader reader = new CsvReader(CsvImport.decode(body));
        String[] fields = COLUMNS.header(reader);
        TreeMap<Integer, List<RowError>> bad = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        int total = CsvImport.eachRecord(reader, bad, (rec, errors) -> {
            Row row = parse(fields, rec, policy, levels, errors);
            if (errors.isEmpty()) {
                rows.add(row);
            }
        });
        progress.at(CsvImport.VALIDATING, total, total, 0);
        Attempts.Outcome<Row> outcome = Attempts.run(mode, rows, TIMEOUT_SECONDS, bad.isEmpty() || CsvImport.VALID_ROWS.equals(mode),
                units -> attempt(cycleId, units));
        outcome.refused().values().forEach(errors -> errors.forEach(e -> bad.computeIfAbsent(e.line(), l -> new ArrayList<>()).add(e)));
        int imported = outcome.written().size();
        progress.at(CsvImport.WRITING, total, total, imported);
        List<RowError> errors = new ArrayList<>();
        bad.values().forEach(errors::addAll);
        LOG.infof("ratings import %s into cycle %s: %d rows, %d decided, %d rejected in %d ms", importId, cycleId, total, imported,
                bad.size(), (System.nanoTime() - started) / 1_000_000);
        return new ImportReport(importId, mode, total, imported, bad.size(), errors);
    }

    /** Per subject type, the policy's level codes by the key of their code and of their name. */
    private static Map<SubjectType, Map<String, String>> levelCodes(PolicyDocument policy) {
        Map<SubjectType, Map<String, String>> levels = new HashMap<>();
        for (SubjectType t : SubjectType.values()) {
            Map<String, String> byKey = new HashMap<>();
            policy.levels(t).forEach(l -> {
                byKey.put(CsvImport.key(l.code()), l.code());
                byKey.put(CsvImport.key(l.name()), l.code());
            });
            levels.put(t, byKey);
        }
        return levels;
    }

    private Map<Row, List<RowError>> attempt(UUID cycleId, List<Row> rows) {
        RatingService.Taken taken = ratings.take(cycleId, rows.stream().map(Row::item).toList());
        Map<Row, List<RowError>> refused = new LinkedHashMap<>();
        taken.refused().forEach((i, e) -> {
            Row r = rows.get(i);
            String field = e.errors().isEmpty() || e.errors().get(0).field() == null ? null : e.errors().get(0).field();
            refused.put(r, List.of(new RowError(r.line(), "level".equals(field) ? "level" : null, e.slug() + ": " + e.getMessage())));
        });
        return refused;
    }

    private static Row parse(String[] fields, CsvReader.Record rec, PolicyDocument policy, Map<SubjectType, Map<String, String>> levels,
            List<RowError> errors) {
        Map<String, String> v = COLUMNS.cells(fields, rec, errors);
        if (v == null) {
            return null;
        }
        int line = rec.line();
        for (String f : List.of("subjectType", "subjectId", "level")) {
            CsvImport.required(v, f, line, errors);
        }
        SubjectType type = CsvImport.value(v, "subjectType", SUBJECTS, "MEMBER, ORGANIZATION or Đảng viên, Tổ chức", line, errors);
        UUID id = CsvImport.uuid(v, "subjectId", line, errors);
        String level = null;
        if (type != null) {
            level = CsvImport.value(v, "level", levels.get(type), policy.levels(type).stream()
                    .map(l -> l.code() + " (" + l.name() + ")").collect(Collectors.joining(", ")) + ", the policy's "
                    + type.name().toLowerCase() + " levels", line, errors);
        }
        String comment = v.get("comment");
        if (comment != null && comment.length() > 5000) {
            errors.add(new RowError(line, "comment", "size must be between 0 and 5000"));
        }
        return new Row(line, new Commands.BulkItem(type, id, null, level, level, comment));
    }
}
