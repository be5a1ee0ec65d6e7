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
    private static final int WRITERS = 16;
    private static final int EVENTS_PER_WRITER = 150;

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Test
    void everyRowCommittedBySixteenConcurrentWritersIsPublishedOnceMarkedSentAndInSubjectOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<String>>> written = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            written.add(writers.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    // A few subjects shared between writers, so per-subject order is contended too.
                    String subject = run + "-s" + ((writer + i) % 24);
                    int n = i;
                    ids.add(QuarkusTransaction.requiringNew().call(
                            () -> outbox.append(TOPIC, "com.kingstonexpress.test.concurrent.v1", subject, Map.of("writer", writer, "n", n)).id()));
                }
                return ids;
            }));
        }
        Set<String> committed = new HashSet<>();
        for (Future<List<String>> f : written) {
            committed.addAll(f.get());
        }
        writers.shutdown();
        assertEquals(WRITERS * EVENTS_PER_WRITER, committed.size());

        // The relay marks a row sent only after the broker acknowledged it, so once nothing of this run is
        // unsent, everything of it must be on the topic.
        await().atMost(Duration.ofSeconds(90)).until(() -> unsent(run) == 0);
        List<ConsumerRecord<String, String>> records = KafkaTopics.readAll(TOPIC, r -> r.key().startsWith(run + "-"));

        // At least once: a send retried after a timeout may publish an event twice (consumers deduplicate by
        // id). What must hold is that every committed event is there and, reading each id once, every subject's
        // events come in sequence.
        Set<String> published = new HashSet<>();
        List<EventEnvelope> firstDeliveries = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            EventEnvelope e = json.readValue(r.value(), EventEnvelope.class);
            if (published.add(e.id())) {
                firstDeliveries.add(e);
            }
        }
        Set<String> missing = new HashSet<>(committed);
        missing.removeAll(published);
        System.out.printf("concurrent outbox writers: %d committed, %d published, %d missing, %d published twice%n",
                committed.size(), published.size(), missing.size(), records.size() - firstDeliveries.size());
        assertEquals(Set.of(), missing, missing.size() + " committed events were marked sent but never published");

        Map<String, Long> lastSequence = new HashMap<>();
        for (EventEnvelope e : firstDeliveries) {
            long previous = lastSequence.getOrDefault(e.subject(), 0L);
            assertEquals(previous + 1, e.sequence(), "subject " + e.subject() + " out of order");
            lastSequence.put(e.subject(), e.sequence());
        }
    }

    private long unsent(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_outbox WHERE record_key LIKE ?1 AND sent_at IS NULL").setParameter(1, run + "-%")
                .getSingleResult()).longValue());
    }
}
