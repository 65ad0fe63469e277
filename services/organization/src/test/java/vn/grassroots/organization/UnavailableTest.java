package vn.grassroots.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import vn.grassroots.common.problem.Unavailable;

/** Which failures the shared problem mappers answer 503 (the database, not the request), through every wrapper. */
class UnavailableTest {
    @Test
    void connectionFailuresAreTheDatabaseBeingUnavailable() {
        assertEquals(Unavailable.DATABASE, Unavailable.of(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        assertEquals(Unavailable.DATABASE, Unavailable.of(new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(Unavailable.DATABASE, Unavailable.of(new SQLException("the database system is starting up", "57P03")));
        assertEquals(Unavailable.DATABASE, Unavailable.of(new SQLException("Acquisition timeout while waiting for new connection",
                new java.util.concurrent.TimeoutException())));
        // wrapped by Hibernate, JPA and the transaction manager (commit failures come as suppressed or causes)
        SQLException io = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
        assertEquals(Unavailable.DATABASE, Unavailable.of(new PersistenceException(new JDBCConnectionException("could not execute", io))));
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLTransientConnectionException("x", "08003"));
        assertEquals(Unavailable.DATABASE, Unavailable.of(new RuntimeException(rollback)));
    }

    @Test
    void deadlocksAndSerializationFailuresAreContention() {
        assertEquals(Unavailable.CONTENTION, Unavailable.of(new SQLException("could not serialize access", "40001")));
        assertEquals(Unavailable.CONTENTION, Unavailable.of(new LockAcquisitionException("deadlock", new SQLException("deadlock detected", "40P01"))));
    }

    @Test
    void aBugOrBadDataIsNot() {
        assertNull(Unavailable.of(new SQLException("duplicate key", "23505")));
        assertNull(Unavailable.of(new SQLException("syntax error", "42601")));
        assertNull(Unavailable.of(new IllegalStateException("bug")));
        assertNull(Unavailable.of(new PersistenceException("no cause")));
    }
}
