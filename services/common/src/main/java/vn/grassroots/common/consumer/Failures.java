package vn.grassroots.common.consumer;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;
import java.util.Set;

/**
 * Tells a failure of the consumer's own infrastructure (retried: the record is fine, the database or Kafka is not)
 * from a poison record (dead-lettered: the record can never be applied as it is).
 *
 * <p>Infrastructure: a lost or refused connection, a timeout, a lock or serialization conflict, an operator
 * intervention (shutdown, cancelled statement), insufficient resources, a table that is missing or no longer
 * readable (a migration or restore under way), a Kafka send that failed. Everything else — a data or integrity
 * error (SQLSTATE classes 22, 23), a refusal raised by a trigger (P0), a parse or validation error — is the record's.
 */
public final class Failures {
    /** SQLSTATE classes of the server or the connection, never of the data. */
    private static final Set<String> INFRASTRUCTURE_CLASSES = Set.of("08", "40", "53", "54", "55", "57", "58", "XX", "HV");
    /** Single states of class 42 that are the database's state, not the statement's: revoked privilege, missing table. */
    private static final Set<String> INFRASTRUCTURE_STATES = Set.of("42501", "42P01");

    private Failures() {}

    public static boolean isInfrastructure(Throwable failure) {
        // the database's own answer decides first, wherever it sits in the chain (a commit that failed on a
        // deferred constraint is a RollbackException caused by an integrity error: the record's fault)
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonRecord) {
                return false;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
                    return true;
                }
                if (state == null || state.length() < 2) {
                    return true; // the pool's own errors (acquisition timeout) carry no state
                }
                return INFRASTRUCTURE_CLASSES.contains(state.substring(0, 2)) || INFRASTRUCTURE_STATES.contains(state);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t instanceof org.apache.kafka.common.KafkaException
                    || t instanceof jakarta.transaction.SystemException || t instanceof jakarta.transaction.RollbackException
                    || t instanceof jakarta.persistence.LockTimeoutException || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** The message of the innermost cause, for a dead letter's reason. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 1000 ? m.substring(0, 1000) : m));
    }
}
