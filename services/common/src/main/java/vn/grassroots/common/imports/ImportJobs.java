package vn.grassroots.common.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.grassroots.common.jobs.JobHeartbeats;
import vn.grassroots.common.problem.Problem;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;

/**
 * Background CSV imports of a service, one subclass per import (its own table, of the shape of membership's
 * {@code member_import}). The file is checked up to its header before a job exists (the service's precheck); then one
 * worker thread runs the imports one after the other with the caller's identity, so the scope rules are those of the
 * synchronous call, and writes the progress in its own short transactions, readable while the import's own transaction
 * is still open. One import waits at most: files are held in memory. A restart interrupts what runs: the imports the
 * instance held are marked FAILED by the next instance that sees their heartbeat stop ({@link JobHeartbeats}). A subclass
 * is an {@code @ApplicationScoped @Startup} bean.
 */
public abstract class ImportJobs {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    /** The import itself: the service's rules, as the synchronous call runs them. */
    @FunctionalInterface
    public interface Task {
        ImportReport run(UUID importId, CsvImport.Progress progress);
    }

    @Inject
    protected EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    protected Caller caller;

    @Inject
    JobHeartbeats heartbeats;

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
            r -> new Thread(r, "csv-import"));

    /** The job table, e.g. member_import. */
    protected abstract String table();

    /** Who may follow an import (besides being the one who started it or an admin). */
    protected abstract String[] viewerRoles();

    /**
     * Heartbeats and orphans FAILED from startup on: lifecycle callbacks are inherited where observers are not (across
     * packages), so a subclass only needs {@code @Startup} to have this run when the service starts.
     */
    @PostConstruct
    void failInterrupted() {
        heartbeats.track(table(), "import-interrupted", "Import interrupted", 500,
                "the instance of the service running the import stopped; nothing of it was written; import the file again");
    }

    @PreDestroy
    void stopWorker() {
        worker.shutdownNow();
    }

    /** Queues the import (prechecked by the caller); 503 while another one waits already. */
    public ImportJob start(byte[] body, String mode, Task task) {
        UUID id = UUID.randomUUID();
        String by = caller.name();
        SecurityIdentity identity = identities.getIdentity();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO " + table() + " " + """
                (id, mode, status, bytes, rows_estimated, created_by, created_at) VALUES (?1, ?2, 'QUEUED', ?3, ?4, ?5, now())""")
                .setParameter(1, id).setParameter(2, mode).setParameter(3, body.length).setParameter(4, estimate(body))
                .setParameter(5, by).executeUpdate());
        heartbeats.hold(table(), id);
        try {
            worker.execute(() -> run(id, mode, task, identity));
        } catch (RejectedExecutionException e) {
            heartbeats.release(table(), id);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM " + table() + " WHERE id = ?1")
                    .setParameter(1, id).executeUpdate());
            throw new ProblemException(503, "imports-busy", "Imports busy",
                    "another import is running and one more is waiting; try again when one of them has finished");
        }
        return view(id);
    }

    /** An import, for the one who started it or an admin. */
    public ImportJob get(UUID id) {
        caller.requireRole(viewerRoles());
        ImportJob v = QuarkusTransaction.requiringNew().call(() -> view(id));
        if (v == null) {
            throw ProblemException.notFound("import", id);
        }
        if (!v.createdBy().equals(caller.name()) && !caller.isAdmin()) {
            throw ProblemException.forbidden("an import is shown to the one who started it and to admins");
        }
        return v;
    }

    /** Whether the request asked for the background (Prefer: respond-async). */
    public static boolean async(String prefer) {
        return prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
    }

    /** 202 with the queued import at Location. */
    public static Response accepted(ImportJob job, URI location) {
        return Response.accepted(job).location(location).header("Preference-Applied", "respond-async").build();
    }

    /** The synchronous answer: 200 with the report, or 422 import-refused carrying it when all-or-nothing found bad rows. */
    public static Response answer(ImportReport report) {
        return report.refused() ? Response.status(422).type(Problem.MEDIA_TYPE).entity(ImportRefused.of(report)).build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** Lines after the header: the number of rows unless cells hold line breaks or lines are blank. */
    public static int estimate(byte[] body) {
        int lines = 0;
        for (byte b : body) {
            if (b == '\n') {
                lines++;
            }
        }
        boolean lastUnterminated = body.length > 0 && body[body.length - 1] != '\n';
        return Math.max(0, lines + (lastUnterminated ? 1 : 0) - 1);
    }

    private void run(UUID id, String mode, Task task, SecurityIdentity identity) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            identities.setIdentity(identity);
            progress(id, "RUNNING", CsvImport.VALIDATING, 0, null, 0);
            ImportReport report = task.run(id, (phase, read, total, written) -> progress(id, "RUNNING", phase, read, total, written));
            finish(id, report.refused() ? ImportStatus.REJECTED : ImportStatus.SUCCEEDED, write(report), null, report.imported());
        } catch (ProblemException e) {
            finish(id, ImportStatus.FAILED, null, write(new Problem(Problem.TYPE_BASE + e.slug(), e.title(), e.status(),
                    e.getMessage(), null, null, e.errors())), 0);
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s failed", id);
            finish(id, ImportStatus.FAILED, null, write(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                    "the import failed unexpectedly; nothing of it was written; quote import " + id + " when reporting it", null, null, null)), 0);
        } finally {
            heartbeats.release(table(), id);
            request.terminate();
        }
    }

    private void progress(UUID id, String status, String phase, int read, Integer total, int written) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE " + table()
                        + " SET status = ?2, phase = ?3, rows_read = ?4, rows_total = ?5, rows_written = ?6 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, phase).setParameter(4, read)
                .setParameter(5, total).setParameter(6, written).executeUpdate());
    }

    private void finish(UUID id, ImportStatus status, String report, String problem, int written) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE " + table() + " " + """
                SET status = ?2, report = cast(?3 AS jsonb), problem = cast(?4 AS jsonb), finished_at = now(),
                  rows_written = ?5, rows_read = coalesce(rows_total, rows_read) WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, report).setParameter(4, problem)
                .setParameter(5, written).executeUpdate());
    }

    private ImportJob view(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT mode, status, phase, bytes, rows_read, rows_total, rows_written, cast(report AS text), cast(problem AS text),
                  created_by, created_at, finished_at, rows_estimated FROM\s""" + table() + " WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        ImportStatus status = ImportStatus.valueOf((String) r[1]);
        int read = ((Number) r[4]).intValue();
        Integer total = r[5] == null ? null : ((Number) r[5]).intValue();
        int written = ((Number) r[6]).intValue();
        int percent = switch (status) {
            case QUEUED -> 0;
            case SUCCEEDED, REJECTED, FAILED -> 100;
            case RUNNING -> total == null ? Math.min(49, (int) (50L * read / Math.max(1, ((Number) r[12]).intValue())))
                    : total == 0 ? 99 : 50 + (int) (49L * written / total);
        };
        return new ImportJob(id, (String) r[0], status, (String) r[2], ((Number) r[3]).longValue(), ((Number) r[12]).intValue(),
                read, total, written, percent,
                read(r[7], ImportReport.class), read(r[8], Problem.class), (String) r[9], instant(r[10]), instant(r[11]));
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return (Instant) o;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(Object text, Class<T> type) {
        try {
            return text == null ? null : json.readValue((String) text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
