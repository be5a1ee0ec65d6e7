package com.kingstonexpress.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Many writers commit outbox rows while the relay publishes: every committed row reaches Kafka, and each
 * subject's events arrive in sequence. Rows whose transactions commit while a batch is in flight are the
 * case a range-based "mark sent" loses.
 */
@QuarkusTest
class ConcurrentOutboxWritersTest {

    private static final String TOPIC = "kx.platform-test.concurrent.v1";
    private static final String TYPE = "com.kingstonexpress.test.concurrent.v1";
    private static final int WRITERS = 16;

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** One transaction of one writer; returns the ids of the events it appended. */
    private interface WriterTransaction {
        List<String> appendIn(String run, int writer, int transaction);
    }

    @Test
    void everyRowCommittedBySixteenConcurrentWritersIsPublishedOnceMarkedSentAndInSubjectOrder() throws Exception {
        // One event per transaction; a few subjects shared between writers, so per-subject order is contended too.
        publishedOnceEachInSequence("one event per transaction", 150, (run, writer, i) -> List.of(
                outbox.append(TOPIC, TYPE, run + "-s" + ((writer + i) % 24), Map.of("writer", writer, "n", i)).id()));
    }

    @Test
    void reservedAndImmediateAppendsOfSixteenWritersOnSharedSubjectsArePublishedOnceEachInSequence() throws Exception {
        publishedOnceEachInSequence("reserved and immediate appends", 40, (run, writer, t) -> {
            // A poll's worth of subjects shared with the other writers, in subject order as the consumers lock them (so
            // writers never deadlock each other). Even transactions reserve all but the last, whose events are numbered
            // one at a time; odd ones number every event at once.
            List<String> subjects = ThreadLocalRandom.current().ints(8, 0, 24).sorted()
                    .mapToObj(n -> String.format("%s-s%02d", run, n)).toList();
            if (t % 2 == 0) {
                outbox.reserve(subjects.subList(0, subjects.size() - 1));
            }
            List<String> appended = new ArrayList<>();
            for (String subject : subjects) {
                appended.add(outbox.append(TOPIC, TYPE, subject, Map.of("writer", writer, "t", t)).id());
            }
            return appended;
        });
    }

    /**
     * Runs {@code transactions} transactions on each of 16 writers at once, waits until the relay marked all they
     * committed sent, and checks the topic: every committed event is there, and, reading each id once (at least once: a
     * send retried after a timeout may publish an event twice, consumers deduplicate by id), each subject's numbers run
     * 1, 2, 3...
     */
    private void publishedOnceEachInSequence(String what, int transactions, WriterTransaction transaction) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<String>>> written = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            written.add(writers.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int t = 0; t < transactions; t++) {
                    int n = t;
                    ids.addAll(QuarkusTransaction.requiringNew().call(() -> transaction.appendIn(run, writer, n)));
                }
                return ids;
            }));
        }
        Set<String> committed = new HashSet<>();
        for (Future<List<String>> f : written) {
            committed.addAll(f.get());
        }
        writers.shutdown();

        // The relay marks a row sent only after the broker acknowledged it, so once nothing of this run is
        // unsent, everything of it must be on the topic.
        await().atMost(Duration.ofSeconds(90)).until(() -> unsent(run) == 0);
        List<ConsumerRecord<String, String>> records = KafkaTopics.readAll(TOPIC, r -> r.key().startsWith(run + "-"));
        Set<String> published = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            EventEnvelope e = json.readValue(r.value(), EventEnvelope.class);
            if (published.add(e.id())) {
                long previous = lastSequence.getOrDefault(e.subject(), 0L);
                assertEquals(previous + 1, e.sequence(), "subject " + e.subject() + " out of order");
                lastSequence.put(e.subject(), e.sequence());
            }
        }
        Set<String> missing = new HashSet<>(committed);
        missing.removeAll(published);
        System.out.printf("concurrent outbox writers, %s: %d committed, %d published, %d missing, %d published twice%n", what,
                committed.size(), published.size(), missing.size(), records.size() - published.size());
        assertEquals(Set.of(), missing, missing.size() + " committed events were marked sent but never published");
    }

    private long unsent(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_outbox WHERE record_key LIKE ?1 AND sent_at IS NULL").setParameter(1, run + "-%")
                .getSingleResult()).longValue());
    }
}
