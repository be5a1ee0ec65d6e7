package com.kingstonexpress.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link Outbox#reserve}: a transaction that reserves its subjects numbers their events in memory and writes their rows
 * in one statement before it commits. Rollbacks and failures of that write; many writers mixing reserved and immediate
 * appends are in {@link ConcurrentOutboxWritersTest}.
 */
@QuarkusTest
class ReservedAppendsTest {

    private static final String TOPIC = "kx.platform-test.reserved.v1";
    private static final String TYPE = "com.kingstonexpress.test.reserved.v1";

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    @Test
    void reservedAppendsOfATransactionThatRollsBackLeaveNoRowAndNoGapInTheNumbers() {
        String subject = "reserved-rollback-" + UUID.randomUUID();
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> outbox.append(TOPIC, TYPE, subject, Map.of("n", 1)).sequence()));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.reserve(List.of(subject));
            assertEquals(2L, outbox.append(TOPIC, TYPE, subject, Map.of("n", 2)).sequence());
            throw new IllegalStateException("the poll fails after its appends");
        }));
        assertEquals(1L, rows(subject));
        long next = QuarkusTransaction.requiringNew().call(() -> {
            outbox.reserve(List.of(subject, subject));
            return outbox.append(TOPIC, TYPE, subject, Map.of("n", 2)).sequence();
        });
        assertEquals(2L, next);
        assertEquals(2L, rows(subject));
    }

    @Test
    void aSubjectReservedWithoutAnEventStartsItsNumbersAtOne() {
        String quiet = "reserved-quiet-" + UUID.randomUUID();
        String busy = "reserved-busy-" + UUID.randomUUID();
        List<Long> busyNumbers = QuarkusTransaction.requiringNew().call(() -> {
            outbox.reserve(List.of(quiet, busy));
            return List.of(outbox.append(TOPIC, TYPE, busy, Map.of("n", 1)).sequence(),
                    outbox.append(TOPIC, TYPE, busy, Map.of("n", 2)).sequence());
        });
        assertEquals(List.of(1L, 2L), busyNumbers);
        assertEquals(0L, rows(quiet));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> outbox.append(TOPIC, TYPE, quiet, Map.of("n", 1)).sequence()));
        assertEquals(3L, QuarkusTransaction.requiringNew().call(() -> outbox.append(TOPIC, TYPE, busy, Map.of("n", 3)).sequence()));
    }

    @Test
    void aWriteThatFailsRollsTheTransactionBackAndCarriesTheDatabaseError() {
        String subject = "reserved-failed-" + UUID.randomUUID();
        RuntimeException failure = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.reserve(List.of(subject));
            outbox.append(TOPIC, TYPE, subject, Map.of("n", 1));
            // The reserved rows are written as the transaction commits: make that write fail.
            em.createNativeQuery("SELECT set_config('transaction_read_only', 'on', true)").getSingleResult();
        }));
        // InboundEvents tells a transient failure (a deadlock, a lost connection) by the SQL state in the cause chain.
        assertEquals("25006", sqlState(failure), "the cause chain of " + failure);
        assertEquals(0L, rows(subject));
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private long rows(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_outbox WHERE record_key = ?1").setParameter(1, subject).getSingleResult()).longValue());
    }
}
