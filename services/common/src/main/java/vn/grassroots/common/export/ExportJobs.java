package vn.grassroots.common.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.grassroots.common.jobs.JobHeartbeats;
import vn.grassroots.common.problem.Problem;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;

/**
 * Files too large to answer within the gateway's timeout (a national CSV): written in the background by one worker per
 * instance, as the caller who asked (their scope holds), in chunks of about 1 MiB in the database so that any instance
 * streams the file back; the progress is readable while it runs. A direct download refuses more than
 * {@link #directLimit()} rows and names the background export instead.
 */
@ApplicationScoped
public class ExportJobs {
    private static final Logger LOG = Logger.getLogger(ExportJobs.class);
    static final int CHUNK_BYTES = 1 << 20;
    static final String TABLE = "export_job";
    /** A national export reads for minutes in one transaction (one snapshot): it may last an hour. */
    public static final int TRANSACTION_TIMEOUT_SECONDS = 3600;

    /** Where an export writes: {@link #text} for a header, {@link #row} for each counted row (a line of its own). */
    public interface Sink {
        void expect(long rows);

        void text(String text) throws IOException;

        void row(String line) throws IOException;
    }

    /** What writes the file, run by the worker with the caller's identity and a request context. */
    @FunctionalInterface
    public interface Writer {
        void write(Sink out) throws IOException;
    }

    @Schema(name = "Export", description = "A file written in the background (xuất tệp chạy nền), with its progress")
    public record Export(UUID id,
            @Schema(description = "What is exported, e.g. ratings.csv") String report,
            @Schema(description = "The filters it was started with") JsonNode parameters,
            @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED") String status,
            @Schema(description = "Rows the file will hold, once counted") Long rowsExpected,
            long rowsWritten,
            @Schema(description = "0 to 100, once the rows are counted") Integer percent,
            long bytes, String fileName, String mediaType,
            @Schema(description = "Why it failed") JsonNode problem,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {}

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final CurrentIdentityAssociation identities;
    private final JobHeartbeats heartbeats;

    /** The most rows a file is answered with directly (100,000: a few seconds); more go through a background export. */
    private final long directLimit;

    public ExportJobs(EntityManager em, ObjectMapper json, Caller caller, CurrentIdentityAssociation identities,
            JobHeartbeats heartbeats,
            @ConfigProperty(name = "grassroots.export.direct-limit", defaultValue = "100000") long directLimit) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.identities = identities;
        this.heartbeats = heartbeats;
        this.directLimit = directLimit;
    }

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4),
            r -> new Thread(r, "export"));

    void onStart(@Observes StartupEvent e) {
        heartbeats.track(TABLE, "export-interrupted", "Export interrupted", 503,
                "the instance of the service running the export stopped; start it again");
    }

    void onStop(@Observes ShutdownEvent e) {
        worker.shutdownNow();
    }

    public long directLimit() {
        return directLimit;
    }

    /**
     * Refuses a direct download of more than {@link #directLimit()} rows (422), naming the background export instead.
     * {@code countUpTo} counts the rows, stopping after the given number.
     */
    public void requireDirect(java.util.function.LongUnaryOperator countUpTo, String startWith) {
        if (countUpTo.applyAsLong(directLimit) > directLimit) {
            throw new ProblemException(422, "export-too-large", "Too many rows for a direct download",
                    "more than " + directLimit + " rows: start a background export with " + startWith
                            + " and download the file when its status is SUCCEEDED");
        }
    }

    /** The same file answered directly: the writer streams to the response (rows are not counted). */
    public static StreamingOutput direct(Writer writer) {
        return out -> {
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(new Sink() {
                @Override
                public void expect(long rows) {
                }

                @Override
                public void text(String text) throws IOException {
                    w.write(text);
                }

                @Override
                public void row(String line) throws IOException {
                    w.write(line);
                }
            });
            w.flush();
        };
    }

    /** Queues an export as the caller; 503 with Retry-After while the worker has a queue already. */
    public Export start(String report, Map<String, Object> parameters, String fileName, String mediaType, Writer writer) {
        UUID id = UUID.randomUUID();
        String by = caller.name();
        SecurityIdentity identity = identities.getIdentity();
        String params;
        try {
            params = json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM export_job WHERE finished_at < now() - interval '1 day'").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO export_job (id, report, parameters, file_name, media_type, status, created_by, created_at)
                    VALUES (?1, ?2, cast(?3 AS jsonb), ?4, ?5, 'QUEUED', ?6, now())""")
                    .setParameter(1, id).setParameter(2, report).setParameter(3, params).setParameter(4, fileName)
                    .setParameter(5, mediaType).setParameter(6, by).executeUpdate();
        });
        heartbeats.hold(TABLE, id);
        try {
            worker.execute(() -> run(id, writer, identity));
        } catch (RejectedExecutionException e) {
            heartbeats.release(TABLE, id);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM export_job WHERE id = ?1")
                    .setParameter(1, id).executeUpdate());
            throw ProblemException.unavailable("exports-busy", "five exports are running or waiting already; try again in a minute", 60);
        }
        return view(id);
    }

    /** 202 Accepted with the export, and its address under the service's exports path at Location. */
    public Response accepted(Export e, String exportsPath) {
        return Response.accepted(e).location(URI.create(exportsPath + e.id())).build();
    }

    /** An export, for the one who started it or an admin (404 for anybody else: its filters are not theirs to see). */
    public Export get(UUID id) {
        Export e = view(id);
        if (e == null || !(e.createdBy().equals(caller.name()) || caller.isAdmin())) {
            throw ProblemException.notFound("export", id);
        }
        return e;
    }

    /** The file of a finished export, streamed chunk by chunk; 409 while it is not ready. */
    public StreamingOutput file(Export e) {
        if (!"SUCCEEDED".equals(e.status())) {
            throw new ProblemException(409, "export-not-ready", "Export not ready",
                    "the export is " + e.status() + "; its file can be downloaded when the status is SUCCEEDED");
        }
        return out -> {
            for (int seq = 0;; seq++) {
                int s = seq;
                byte[] data = QuarkusTransaction.requiringNew().call(() -> {
                    List<?> r = em.createNativeQuery("SELECT data FROM export_chunk WHERE job_id = ?1 AND seq = ?2")
                            .setParameter(1, e.id()).setParameter(2, s).getResultList();
                    return r.isEmpty() ? null : (byte[]) r.get(0);
                });
                if (data == null) {
                    break;
                }
                out.write(data);
            }
            out.flush();
        };
    }

    private void run(UUID id, Writer writer, SecurityIdentity identity) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            identities.setIdentity(identity);
            update("UPDATE export_job SET status = 'RUNNING', started_at = now() WHERE id = ?1", id);
            ChunkSink sink = new ChunkSink(em, id);
            writer.write(sink);
            sink.flush();
            update("UPDATE export_job SET status = 'SUCCEEDED', finished_at = now() WHERE id = ?1", id);
        } catch (ProblemException e) {
            fail(id, new Problem(Problem.TYPE_BASE + e.slug(), e.title(), e.status(), e.getMessage(), null, null, e.errors()));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "export %s failed", id);
            fail(id, new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                    "the export failed unexpectedly; quote export " + id + " when reporting it", null, null, null));
        } finally {
            heartbeats.release(TABLE, id);
            request.terminate();
        }
    }

    private void fail(UUID id, Problem problem) {
        try {
            String p = json.writeValueAsString(problem);
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("DELETE FROM export_chunk WHERE job_id = ?1").setParameter(1, id).executeUpdate();
                em.createNativeQuery("UPDATE export_job SET status = 'FAILED', finished_at = now(), problem = cast(?2 AS jsonb) WHERE id = ?1")
                        .setParameter(1, id).setParameter(2, p).executeUpdate();
            });
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.errorf(e, "export %s: its failure could not be recorded", id);
        }
    }

    private void update(String sql, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).setParameter(1, id).executeUpdate());
    }

    private Export view(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> found = em.createNativeQuery("""
                    SELECT id, report, parameters::text, status, rows_expected, rows_written, bytes, file_name, media_type, problem::text,
                           created_by, created_at, started_at, finished_at
                    FROM export_job WHERE id = ?1""").setParameter(1, id).getResultList();
            if (found.isEmpty()) {
                return null;
            }
            Object[] r = (Object[]) found.get(0);
            Long expected = r[4] == null ? null : ((Number) r[4]).longValue();
            long written = ((Number) r[5]).longValue();
            Integer percent = "SUCCEEDED".equals(r[3]) ? Integer.valueOf(100)
                    : expected == null ? null : expected == 0 ? Integer.valueOf(0) : Integer.valueOf((int) Math.min(99, written * 100 / expected));
            return new Export((UUID) r[0], (String) r[1], tree((String) r[2]), (String) r[3], expected, written, percent,
                    ((Number) r[6]).longValue(), (String) r[7], (String) r[8], tree((String) r[9]), (String) r[10], time(r[11]), time(r[12]),
                    time(r[13]));
        });
    }

    private JsonNode tree(String s) {
        try {
            return s == null ? null : json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime time(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return (OffsetDateTime) o;
    }
}
