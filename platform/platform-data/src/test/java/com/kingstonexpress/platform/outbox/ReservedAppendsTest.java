package com.kingstonexpress.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link Outbox#reserve}: a transaction that reserves its subjects numbers their events in memory and writes their rows
 * in one statement before it commits. Mixed with appends that number one event at a time, on the same subjects, every
 * committed event is published and each subject's numbers run 1, 2, 3... in publication order.
 */
@QuarkusTest
class ReservedAppendsTest {

    private static final String TOPIC = "kx.platform-test.reserved.v1";
    private static final String TYPE = "com.kingstonexpress.test.reserved.v1";
    private static final int WRITERS = 16;
    private static final int TRANSACTIONS_PER_WRITER = 40;
    private static final int SUBJECTS = 24;

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void reservedAndImmediateAppendsOfSixteenWritersOnSharedSubjectsArePublishedOnceEachInSequence() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<String>>> written = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            written.add(writers.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                    // A poll's worth of subjects shared with the other writers; even transactions reserve them. In subject
                    // order, as the consumers lock them, so that writers never deadlock each other.
                    List<String> subjects = ThreadLocalRandom.current().ints(8, 0, SUBJECTS).sorted()
                            .mapToObj(n -> String.format("%s-s%02d", run, n)).toList();
                    boolean reserving = t % 2 == 0;
                    int transaction = t;
                    ids.addAll(QuarkusTransaction.requiringNew().call(() -> {
                        if (reserving) {
                            // The last subject is not reserved: its events are numbered one at a time.
                            outbox.reserve(subjects.subList(0, subjects.size() - 1));
                        }
                        List<String> appended = new ArrayList<>();
                        for (String subject : subjects) {
                            appended.add(outbox.append(TOPIC, TYPE, subject, Map.of("writer", writer, "t", transaction)).id());
                        }
                        return appended;
                    }));
                }
                return ids;
            }));
        }
        Set<String> committed = new HashSet<>();
        for (Future<List<String>> f : written) {
            committed.addAll(f.get());
        }
        writers.shutdown();
        assertEquals(WRITERS * TRANSACTIONS_PER_WRITER * 8, committed.size());

        await().atMost(Duration.ofSeconds(90)).until(() -> unsent(run) == 0);
        Map<String, List<Long>> sequences = new HashMap<>();
        Set<String> published = new HashSet<>();
        for (ConsumerRecord<String, String> r : KafkaTopics.readAll(TOPIC, r -> r.key().startsWith(run + "-"))) {
            EventEnvelope e = json.readValue(r.value(), EventEnvelope.class);
            if (published.add(e.id())) {
                sequences.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e.sequence());
            }
        }
        Set<String> missing = new HashSet<>(committed);
        missing.removeAll(published);
        System.out.printf("reserved and immediate appends: %d committed, %d published, %d missing%n", committed.size(),
                published.size(), missing.size());
        assertEquals(Set.of(), missing);
        sequences.forEach((subject, numbers) -> assertEquals(
                IntStream.rangeClosed(1, numbers.size()).mapToObj(Long::valueOf).toList(), numbers, subject + " out of sequence"));
    }

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

    private long unsent(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_outbox WHERE record_key LIKE ?1 AND sent_at IS NULL").setParameter(1, run + "-%")
                .getSingleResult()).longValue());
    }
}
