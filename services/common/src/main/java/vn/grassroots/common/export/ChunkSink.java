package vn.grassroots.common.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Buffers the file and stores each ~1 MiB as a chunk, with the rows written so far. */
final class ChunkSink implements ExportJobs.Sink {
    private final EntityManager em;
    private final UUID id;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(ExportJobs.CHUNK_BYTES + 64 * 1024);
    private int seq;
    private long rows;
    private long bytes;

    ChunkSink(EntityManager em, UUID id) {
        this.em = em;
        this.id = id;
    }

    @Override
    public void expect(long expected) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE export_job SET rows_expected = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, expected).executeUpdate());
    }

    @Override
    public void text(String text) throws IOException {
        write(text);
    }

    @Override
    public void row(String line) throws IOException {
        rows++;
        write(line);
    }

    private void write(String s) throws IOException {
        ((OutputStream) buffer).write(s.getBytes(StandardCharsets.UTF_8));
        if (buffer.size() >= ExportJobs.CHUNK_BYTES) {
            flush();
        }
    }

    void flush() {
        if (buffer.size() == 0) {
            return;
        }
        byte[] data = buffer.toByteArray();
        buffer.reset();
        int s = seq++;
        bytes += data.length;
        long r = rows;
        long b = bytes;
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO export_chunk (job_id, seq, data) VALUES (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, s).setParameter(3, data).executeUpdate();
            em.createNativeQuery("UPDATE export_job SET rows_written = ?2, bytes = ?3 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, r).setParameter(3, b).executeUpdate();
        });
    }
}
