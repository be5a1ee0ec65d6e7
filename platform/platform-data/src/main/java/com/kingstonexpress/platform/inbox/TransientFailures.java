package com.kingstonexpress.platform.inbox;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Tells a failure of the infrastructure (the database or broker briefly away, a lock or serialization
 * conflict) from a failure of the event itself. The first kind is retried while the partition waits;
 * only the second may send a record to the dead-letter topic.
 */
final class TransientFailures {

    /**
     * SQLState classes and codes that say nothing about the event: connection exceptions (08), transaction
     * rollbacks for serialization and deadlocks (40), insufficient resources (53), operator intervention such
     * as {@code pg_terminate_backend} or a server shutdown (57), lock not available (55P03) and a query
     * cancelled by a timeout (57014, part of 57), a database closed to connections (55000).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_CODES = Set.of("55P03", "55006", "25P03",
            // "database is not currently accepting connections" (a maintenance window, ALLOW_CONNECTIONS false)
            "55000");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException || t instanceof PessimisticLockException
                    || t instanceof LockAcquisitionException || t instanceof JDBCConnectionException
                    || t instanceof QueryTimeoutException || t instanceof SQLTransientException
                    || t instanceof RetriableException || t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            // Agroal: "acquisition timeout" when the pool cannot hand out a connection (database unreachable).
            if (t instanceof SQLException && String.valueOf(t.getMessage()).contains("acquisition timeout")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransientState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_CODES.contains(state));
    }
}
