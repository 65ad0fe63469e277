package vn.grassroots.common.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.grassroots.common.problem.ProblemException;
import vn.grassroots.common.security.Caller;

/**
 * Creating calls accept an {@code Idempotency-Key}: the first answer is stored in the same transaction
 * as the creation and replayed for a repeat, so a retried request never creates twice.
 *
 * <p>Concurrent requests with the same key (a client retrying while its first try still runs, e.g. after a
 * timeout) are serialized by a transaction-scoped PostgreSQL advisory lock on (caller, key): exactly one runs;
 * the others wait for its transaction to end and then replay its stored answer (or, if it failed and stored
 * nothing, run themselves). One that cannot get the lock within {@code grassroots.idempotency.wait} answers
 * 409 {@code request-in-progress} with {@code Retry-After}. The lock is held by the database, so it works across
 * instances and is released by a crash.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Caller caller;
    private final Duration wait;

    public IdempotencyKeys(EntityManager em, ObjectMapper json, Caller caller,
            @ConfigProperty(name = "grassroots.idempotency.wait", defaultValue = "5S") Duration wait) {
        this.em = em;
        this.json = json;
        this.caller = caller;
        this.wait = wait;
    }

    /** Runs {@code create} once per (caller, key); a repeat with the same request gets the stored answer. */
    @Transactional
    public Response once(String key, Object request, Supplier<Response> create) {
        if (!given(key)) {
            return create.get();
        }
        String hash = hash(json, request);
        lock(key);
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(
                        "SELECT request_hash, status, location, etag, body FROM idempotency_key WHERE caller = ?1 AND key = ?2")
                .setParameter(1, caller.name())
                .setParameter(2, key)
                .getResultList();
        if (!found.isEmpty()) {
            return replay(found.get(0), hash);
        }
        Response response = create.get();
        em.createNativeQuery("""
                INSERT INTO idempotency_key (caller, key, request_hash, status, location, etag, body)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, caller.name())
                .setParameter(2, key)
                .setParameter(3, hash)
                .setParameter(4, response.getStatus())
                .setParameter(5, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(6, response.getHeaderString(HttpHeaders.ETAG))
                .setParameter(7, response.hasEntity() ? write(json, response.getEntity()) : null)
                .executeUpdate();
        return response;
    }

    /** Whether the request carries a key: none (or a blank one) runs unguarded; one longer than the column is refused. */
    static boolean given(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        if (key.length() > 200) {
            throw ProblemException.invalid(HEADER, "must be at most 200 characters");
        }
        return true;
    }

    /**
     * The stored answer (request_hash, status, location, etag, body) replayed, marked {@code Idempotent-Replayed}; 422 when
     * the key was stored with a different request.
     */
    static Response replay(Object[] row, String hash) {
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request");
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            replay.header(HttpHeaders.LOCATION, row[2]);
        }
        if (row[3] != null) {
            replay.header(HttpHeaders.ETAG, row[3]);
        }
        if (row[4] != null) {
            replay.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replay.build();
    }

    /** Waits (polling, so the transaction stays usable) for the advisory lock of (caller, key). */
    private void lock(String key) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 5;
        while (true) {
            Object got = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, lockName(caller.name(), key))
                    .getSingleResult();
            if (Boolean.TRUE.equals(got)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw ProblemException.conflict("request-in-progress",
                                "a request with this Idempotency-Key is still being processed; retry after a moment to get its answer")
                        .retryAfter(1);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.conflict("request-in-progress", "interrupted while waiting for the same request").retryAfter(1);
            }
            pause = nextPause(pause);
        }
    }

    /** The advisory lock's name: one lock per caller and key, apart from the locks of other uses. */
    static String lockName(String caller, String key) {
        return "idempotency-key\n" + caller + "\n" + key;
    }

    /** Polls start at 5 ms and double up to 100 ms: quick for a short first try, cheap for a long one. */
    static long nextPause(long pause) {
        return Math.min(pause * 2, 100);
    }

    /** SHA-256 (hex) of the request's JSON: a repeat must be the same request, not only use the same key. */
    static String hash(ObjectMapper json, Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(json, request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
