package com.kingstonexpress.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.infra.KafkaBroker;
import com.kingstonexpress.platform.testing.KafkaTopics;
import com.kingstonexpress.platform.testing.SharedInfrastructure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay's promise under broker crashes: every committed row is published, and, reading each event id once, a
 * subject's events come in sequence. Consumers rely on the second part (a "tracking added" never before its "order
 * placed"), and it breaks whenever a producer gives up on one record and a later one still reaches consumers.
 */
@QuarkusTest
class OutboxRelayUnderBrokerCrashesTest {

    private static final String TOPIC = "kx.platform-test.broker-crashes.v1";
    private static final int WRITERS = 8;
    private static final int SUBJECTS = 24;
    private static final Duration WRITER_PAUSE = Duration.ofMillis(10);
    /**
     * How many rows the writers commit while the broker is dead, one outage after another: each outage lasts as long as
     * that backlog takes to build (seconds at the writers' pace; the broker's restart adds a few more).
     */
    private static final List<Integer> OUTAGE_BACKLOGS = List.of(1500, 3000, 4500, 2500);

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;
    @Inject
    OutboxRelay relay;

    /** Writers keep committing while the broker is killed (SIGKILL) and restarted, each outage a different length. */
    @Test
    void everyCommittedRowIsPublishedAndEachSubjectsEventsFirstArriveInSequenceAcrossBrokerCrashes() throws Exception {
        KafkaBroker broker = SharedInfrastructure.embeddedKafka().orElse(null);
        assumeTrue(broker != null, "an external broker cannot be killed from here");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> committed = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                // Padding makes several producer batches per partition, as a real backlog does.
                String padding = "x".repeat(400);
                for (int i = 0; writing.get(); i++) {
                    String subject = run + "-s" + ((writer + i) % SUBJECTS);
                    int n = i;
                    LockSupport.parkNanos(WRITER_PAUSE.toNanos()); // a steady load, not a flood the broker cannot restart under
                    committed.add(QuarkusTransaction.requiringNew().call(() -> outbox.append(TOPIC,
                            "com.kingstonexpress.test.broker-crashes.v1", subject, Map.of("writer", writer, "n", n, "padding", padding)).id()));
                }
                return null;
            }));
        }
        try {
            for (int backlog : OUTAGE_BACKLOGS) {
                // The relay is publishing a backlog when the broker dies: several batches in flight per partition.
                long sent = sent(run);
                await().atMost(Duration.ofSeconds(60)).until(() -> sent(run) >= sent + 300);
                broker.kill();
                long start = System.nanoTime();
                int before = committed.size();
                await().atMost(Duration.ofSeconds(60)).until(() -> committed.size() >= before + backlog);
                broker.start(Duration.ofMinutes(2));
                System.out.printf("broker crashes: broker down %d ms while %d rows were committed, %d rows committed so far%n",
                        Duration.ofNanos(System.nanoTime() - start).toMillis(), backlog, committed.size());
            }
            long sent = sent(run);
            await().atMost(Duration.ofSeconds(60)).until(() -> sent(run) >= sent + 300);
        } finally {
            writing.set(false);
            writers.shutdown();
            broker.start(Duration.ofMinutes(2));
        }
        for (Future<?> f : running) {
            f.get();
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> unsent(run) == 0);
        assertPublishedOnceInSubjectSequence(TOPIC, run, committed);
    }

    /**
     * While the broker is down, the producer cannot learn a new topic's partitions: {@code send} gives up on a record
     * after {@code max.block.ms} with an already-failed future, and takes the next record as if nothing happened. If
     * the broker is back by then, the rows after the refused one reach the topic ahead of it.
     */
    @Test
    void rowsAfterOneTheProducerRefusedAreNotPublishedAheadOfIt() throws Exception {
        KafkaBroker broker = SharedInfrastructure.embeddedKafka().orElse(null);
        assumeTrue(broker != null, "an external broker cannot be killed from here");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "kx.platform-test.new-topic-" + run + ".v1";
        Set<String> committed = new HashSet<>();
        broker.kill();
        try {
            // One transaction, so the relay reads every row in one batch and sends them one after another.
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 60; i++) {
                    committed.add(outbox.append(topic, "com.kingstonexpress.test.new-topic.v1", run + "-s" + (i % 3), Map.of("n", i)).id());
                }
            });
            // The outage lasts until the relay has given up on a batch of these rows: the producer could not learn the
            // new topic's partitions within max.block.ms, or no acknowledgement came within the send timeout.
            await().atMost(Duration.ofSeconds(60)).until(() -> failedOnce(run));
        } finally {
            broker.start(Duration.ofMinutes(2));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> unsent(run) == 0);
        assertPublishedOnceInSubjectSequence(topic, run, committed);
    }

    /**
     * A relay producer that was given up on can still have a request on the wire, and a killed service's last requests
     * can reach the broker after it died: a subject's later event, sent by a producer the relay has moved past. It must
     * never reach a consumer, or a "tracking added" arrives before its "order placed" (the fault test saw this once).
     */
    @Test
    void whatAnAbandonedRelayProducerStillSendsNeverReachesConsumers() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String subject = run + "-s0";
        Set<String> committed = new HashSet<>();
        committed.add(QuarkusTransaction.requiringNew().call(() -> outbox.append(TOPIC, "com.kingstonexpress.test.abandoned.v1", subject,
                Map.of("n", 1)).id()));
        await().atMost(Duration.ofSeconds(60)).until(() -> unsent(run) == 0);

        try (KafkaProducer<String, String> abandoned = relay.createProducer()) {
            // It writes the subject's third event in a transaction it never ends, as a relay that stopped half-way.
            abandoned.initTransactions();
            abandoned.beginTransaction();
            abandoned.send(new ProducerRecord<>(TOPIC, subject, "{\"from\":\"the abandoned producer\"}")).get();

            // The relay publishes the second and third events after it: fenced by the abandoned producer's start, it
            // starts a producer of its own, which aborts the abandoned one's transaction.
            QuarkusTransaction.requiringNew().run(() -> {
                for (int n = 2; n <= 3; n++) {
                    committed.add(outbox.append(TOPIC, "com.kingstonexpress.test.abandoned.v1", subject, Map.of("n", n)).id());
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> unsent(run) == 0);

            // And it can add nothing more.
            assertThrows(KafkaException.class, () -> {
                abandoned.send(new ProducerRecord<>(TOPIC, subject, "{\"from\":\"the abandoned producer, later\"}"));
                abandoned.commitTransaction();
            });
        }
        List<ConsumerRecord<String, String>> records = KafkaTopics.readAll(TOPIC, r -> subject.equals(r.key()));
        assertEquals(List.of(), records.stream().map(ConsumerRecord::value).filter(v -> v.contains("abandoned producer")).toList(),
                "records of the abandoned producer that consumers read");
        assertPublishedOnceInSubjectSequence(TOPIC, run, committed);
    }

    private void assertPublishedOnceInSubjectSequence(String topic, String run, Set<String> committed) throws Exception {
        List<ConsumerRecord<String, String>> records = KafkaTopics.readAll(topic, r -> r.key().startsWith(run + "-"));
        Set<String> published = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        List<String> outOfSequence = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            EventEnvelope e = json.readValue(r.value(), EventEnvelope.class);
            if (!published.add(e.id())) {
                continue; // a resend after a timeout: consumers skip it by id
            }
            long previous = lastSequence.getOrDefault(e.subject(), 0L);
            if (e.sequence() != previous + 1) {
                outOfSequence.add(e.subject() + ": " + e.sequence() + " after " + previous + " (partition " + r.partition() + ", offset "
                        + r.offset() + ")");
            }
            lastSequence.put(e.subject(), Math.max(previous, e.sequence()));
        }
        Set<String> missing = new HashSet<>(committed);
        missing.removeAll(published);
        System.out.printf("broker crashes: %s: %d committed, %d published, %d missing, %d published more than once, %d out of sequence%n",
                topic, committed.size(), published.size(), missing.size(), records.size() - published.size(), outOfSequence.size());
        assertEquals(Set.of(), missing, missing.size() + " committed events were marked sent but never published");
        assertEquals(List.of(), outOfSequence, "events whose first copy overtook an earlier event of their subject");
    }

    private long sent(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_outbox WHERE record_key LIKE ?1 AND sent_at IS NOT NULL").setParameter(1, run + "-%")
                .getSingleResult()).longValue());
    }

    private boolean failedOnce(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_outbox WHERE record_key LIKE ?1 AND last_error IS NOT NULL").setParameter(1, run + "-%")
                .getSingleResult()).longValue() > 0);
    }

    private long unsent(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_outbox WHERE record_key LIKE ?1 AND sent_at IS NULL").setParameter(1, run + "-%")
                .getSingleResult()).longValue());
    }
}
