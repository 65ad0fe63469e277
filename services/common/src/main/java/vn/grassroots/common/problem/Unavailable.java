package vn.grassroots.common.problem;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Collections;

/**
 * Tells a failure of the database a request needs (down, restarting, no connection to be had, a deadlock or a
 * serialization failure) from a bug. Such a failure is answered 503 with {@code Retry-After}: the transaction
 * was rolled back, so nothing half-done remains, and the same request (with its {@code Idempotency-Key}) may be
 * sent again. The exception is looked for anywhere in the cause chain (and among suppressed exceptions), because
 * Hibernate, Agroal and the JTA transaction manager each wrap it their own way.
 */
public enum Unavailable {
    /** PostgreSQL unreachable, shutting down or starting up, or the pool had no connection in time. */
    DATABASE("database-unavailable", "the database is unavailable for a moment; nothing was changed, retry later", 5),
    /** A deadlock, a serialization failure or a lock that could not be had in time: retry at once. */
    CONTENTION("database-busy", "the request collided with a concurrent change and was rolled back; nothing was changed, retry", 1);

    public final String slug;
    public final String detail;
    public final int retryAfterSeconds;

    Unavailable(String slug, String detail, int retryAfterSeconds) {
        this.slug = slug;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The kind of transient failure {@code failure} is, or null when it is something else. */
    public static Unavailable of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return walk(failure, seen, 0);
    }

    private static Unavailable walk(Throwable t, Set<Throwable> seen, int depth) {
        if (t == null || depth > 30 || !seen.add(t)) {
            return null;
        }
        Unavailable found = one(t);
        if (found != null) {
            return found;
        }
        if (t instanceof SQLException sql) {
            found = walk(sql.getNextException(), seen, depth + 1);
            if (found != null) {
                return found;
            }
        }
        found = walk(t.getCause(), seen, depth + 1);
        if (found != null) {
            return found;
        }
        for (Throwable s : t.getSuppressed()) {
            found = walk(s, seen, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Unavailable one(Throwable t) {
        if (t instanceof SQLException sql) {
            Unavailable bySqlState = bySqlState(sql.getSQLState());
            if (bySqlState != null) {
                return bySqlState;
            }
            String m = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (m.contains("acquisition timeout")) { // Agroal: no connection within the acquisition timeout
                return DATABASE;
            }
            return null;
        }
        if (t instanceof org.hibernate.exception.JDBCConnectionException) {
            return DATABASE;
        }
        if (t instanceof org.hibernate.JDBCException j) {
            return bySqlState(j.getSQLState());
        }
        if (t instanceof ConnectException || t instanceof EOFException || t instanceof SocketException
                || t instanceof javax.transaction.xa.XAException) {
            return DATABASE; // the connection broke, or the transaction manager could not reach the database at commit
        }
        return null;
    }

    static Unavailable bySqlState(String state) {
        if (state == null || state.length() != 5) {
            return null;
        }
        if (state.startsWith("08") // connection exception
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") // admin/crash shutdown, cannot connect now
                || state.startsWith("53")) { // insufficient resources, e.g. too many connections
            return DATABASE;
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) { // serialization, deadlock, lock not available
            return CONTENTION;
        }
        return null;
    }

    /** The problem to throw for this kind of failure. */
    public ProblemException problem() {
        return ProblemException.unavailable(slug, detail, retryAfterSeconds);
    }
}
