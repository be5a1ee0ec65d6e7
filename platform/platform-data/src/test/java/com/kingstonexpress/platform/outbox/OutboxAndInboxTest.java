package com.kingstonexpress.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.platform.testing.DatabaseOutage;
import com.kingstonexpress.platform.testing.KafkaTopics;
import com.kingstonexpress.platform.testing.SharedInfrastructure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The outbox and inbox promises, against the real PostgreSQL and Kafka broker. */
@QuarkusTest
class OutboxAndInboxTest {

    private static final String TOPIC = "kx.platform-test.events.v1";
    private static final String PROBE = ProbeConsumer.TOPIC;
    /** The probe consumers: {@link ProbeConsumer} takes a record at a time, {@link BatchProbeConsumer} a poll at a time. */
    private static final String PER_RECORD = "probe";
    private static final String PER_POLL = "probe-batch";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    InboundEvents inbound;
    @Inject
    ProbeConsumer probeConsumer;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void anEventAppendedInARolledBackTransactionIsNeverPublished() {
        String subject = "order-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(TOPIC, "com.kingstonexpress.test.rolled-back.v1", subject, Map.of("n", 1));
                throw new IllegalStateException("the business change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, "com.kingstonexpress.test.committed.v1", subject, Map.of("n", 2)));

        // The relay publishes in commit order, so once the later event is on the topic the earlier one would be too.
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(TOPIC, r -> subject.equals(r.key()),
                l -> l.stream().anyMatch(r -> r.value().contains("committed")), WAIT);
        assertEquals(1, records.size());
        EventEnvelope published = parse(records.get(0).value());
        assertEquals("com.kingstonexpress.test.committed.v1", published.type());
        assertEquals(subject, published.subject());
        assertEquals(1L, published.sequence(), "the rolled-back event did not consume a sequence number either");
        assertEquals("/kx/platform-test", published.source());
    }

    @Test
    void eventsOfOneSubjectArePublishedInOrderWithIncreasingSequence() {
        String subject = "order-" + UUID.randomUUID();
        List<EventEnvelope> appended = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            int n = i;
            appended.add(QuarkusTransaction.requiringNew().call(
                    () -> outbox.append(TOPIC, "com.kingstonexpress.test.step.v1", subject, Map.of("n", n))));
        }
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(TOPIC, r -> subject.equals(r.key()), l -> l.size() >= 20, WAIT);
        for (int i = 0; i < 20; i++) {
            EventEnvelope e = parse(records.get(i).value());
            assertEquals(i + 1, e.data().get("n").asInt());
            assertEquals(i + 1L, e.sequence());
            // What append returned is what was published, sequence included (the statement writes it into the payload).
            assertEquals(appended.get(i), e);
        }
    }

    @Test
    void anEventCommittedWhileTheRelayIsDownIsPublishedWhenItComesBack() {
        String subject = "order-" + UUID.randomUUID();
        relay.stop();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, "com.kingstonexpress.test.while-relay-down.v1", subject, Map.of()));
            assertEquals(1L, unsentRows(subject), "committed but not yet published");
        } finally {
            relay.start();
        }
        KafkaTopics.await(TOPIC, r -> subject.equals(r.key()), l -> l.size() == 1, WAIT);
        await().atMost(WAIT).until(() -> unsentRows(subject) == 0);
    }

    @Test
    void anEventCommittedWhileTheBrokerIsDownIsPublishedAfterItRecovers() {
        var broker = SharedInfrastructure.embeddedKafka();
        if (broker.isEmpty()) {
            return; // an external broker cannot be stopped from here
        }
        String subject = "order-" + UUID.randomUUID();
        broker.get().kill();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, "com.kingstonexpress.test.while-broker-down.v1", subject, Map.of()));
            // The relay tries, fails and records why; the row stays unsent.
            await().atMost(WAIT).until(() -> lastError(subject) != null);
            assertEquals(1L, unsentRows(subject));
        } finally {
            broker.get().start();
        }
        List<ConsumerRecord<String, String>> records = KafkaTopics.await(TOPIC, r -> subject.equals(r.key()), l -> !l.isEmpty(), WAIT);
        assertTrue(records.get(0).value().contains("while-broker-down"));
        await().atMost(WAIT).until(() -> unsentRows(subject) == 0);
    }

    @Test
    void anEventPublishedByTheOutboxIsConsumedThroughAMessagingChannel() {
        // The path between services: outbox -> relay -> Kafka (with the CloudEvents content-type) -> @Incoming.
        String subject = "order-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(PROBE, "com.kingstonexpress.test.probe.v1", subject, Map.of("poison", false)));
        await().atMost(WAIT).until(() -> probeConsumer.applied(subject) == 1);
    }

    @ParameterizedTest
    @ValueSource(strings = { PER_RECORD, PER_POLL })
    void aRedeliveredEventChangesNothing(String probe) {
        String topic = topic(probe);
        String subject = "order-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String laterId = UUID.randomUUID().toString();
        String lastId = UUID.randomUUID().toString();
        String event = ProbeConsumer.event(eventId, subject, false);
        // Twice in a row, then a new event, sent together (one poll for the poll consumer): once the new one is in, all
        // three were taken.
        KafkaTopics.send(topic, subject, List.of(event, event, ProbeConsumer.event(laterId, subject, false)));
        await().atMost(WAIT).until(() -> inboxRows(probe, laterId) == 1);
        assertEquals(2, probeConsumer.applied(subject));
        // Again after it was applied, beside a new event.
        KafkaTopics.send(topic, subject, event);
        KafkaTopics.send(topic, subject, ProbeConsumer.event(lastId, subject, false));
        await().atMost(WAIT).until(() -> inboxRows(probe, lastId) == 1);
        assertEquals(3, probeConsumer.applied(subject));
        assertEquals(3, inboxRows(probe, eventId, laterId, lastId));
    }

    @ParameterizedTest
    @ValueSource(strings = { PER_RECORD, PER_POLL })
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndDoesNotStallThePartition(String probe) {
        String topic = topic(probe);
        String subject = "order-" + UUID.randomUUID();
        String before = ProbeConsumer.event(UUID.randomUUID().toString(), subject, false);
        String after = ProbeConsumer.event(UUID.randomUUID().toString(), subject, false);
        // Sent together, so a consumer that takes a poll at a time gets them in one batch: only the bad two are refused.
        KafkaTopics.send(topic, subject, List.of(before, "{not json", ProbeConsumer.event(UUID.randomUUID().toString(), subject, true), after));

        await().atMost(WAIT).until(() -> probeConsumer.applied(subject) == 2);
        List<ConsumerRecord<String, String>> dead = KafkaTopics.await(topic + ".dlq", r -> subject.equals(r.key()),
                l -> l.size() == 2, WAIT);
        assertEquals("{not json", dead.get(0).value());
        assertTrue(reason(dead.get(0)).contains("not a CloudEvents JSON record"), reason(dead.get(0)));
        assertTrue(reason(dead.get(1)).contains(consumer(probe) + ": probe refuses events marked poison"), reason(dead.get(1)));
        // Once every record is consumed, nothing else was refused and nothing applied twice.
        KafkaTopics.awaitConsumed(group(probe), topic, WAIT);
        assertEquals(2, KafkaTopics.readAll(topic + ".dlq", r -> subject.equals(r.key())).size());
        assertEquals(2, probeConsumer.applied(subject));
    }

    @ParameterizedTest
    @ValueSource(strings = { PER_RECORD, PER_POLL })
    void aBinaryModeCloudEventIsConsumedLikeAStructuredOneAndABadOneIsDeadLettered(String probe) {
        String topic = topic(probe);
        String subject = "order-" + UUID.randomUUID();
        KafkaTopics.send(topic, subject, "{\"poison\":false}", binaryHeaders(UUID.randomUUID().toString(), subject, "2026-11-28T10:00:00Z"));
        KafkaTopics.send(topic, subject, "{\"poison\":false}", binaryHeaders(UUID.randomUUID().toString(), subject, "yesterday"));
        await().atMost(WAIT).until(() -> probeConsumer.applied(subject) == 1);
        List<ConsumerRecord<String, String>> dead = KafkaTopics.await(topic + ".dlq", r -> subject.equals(r.key()), l -> l.size() == 1, WAIT);
        assertTrue(reason(dead.get(0)).contains("binary CloudEvent attribute unreadable"), reason(dead.get(0)));
    }

    private static List<RecordHeader> binaryHeaders(String id, String subject, String time) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/centers/test", "ce_type", "com.kingstonexpress.test.probe.v1",
                "ce_subject", subject, "ce_time", time, "content-type", "application/json").entrySet().stream()
                .map(h -> new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8))).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = { PER_RECORD, PER_POLL })
    void aConsumerWaitsOutADatabaseOutageAndDeadLettersNothingForIt(String probe) {
        String topic = topic(probe);
        String subject = "order-" + UUID.randomUUID();
        long retriesBefore = inbound.transientRetries();
        try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, "postgres", "postgres")) {
            for (int i = 0; i < 5; i++) {
                KafkaTopics.send(topic, subject, ProbeConsumer.event(UUID.randomUUID().toString(), subject, false));
            }
            // The consumer meets the outage and retries while the partition waits.
            await().atMost(WAIT).until(() -> inbound.transientRetries() >= retriesBefore + 3);
        }
        // Pooled connections the outage cut fail once each and are replaced, in the test's reads too.
        await().atMost(WAIT).ignoreExceptions().until(() -> probeConsumer.applied(subject) == 5);
        assertEquals(List.of(), KafkaTopics.readAll(topic + ".dlq", r -> subject.equals(r.key())),
                "an outage of the database is no reason to dead-letter an event");
    }

    private static String reason(ConsumerRecord<String, String> r) {
        var header = r.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private EventEnvelope parse(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long unsentRows(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_outbox WHERE record_key = ?1 AND sent_at IS NULL").setParameter(1, subject)
                .getSingleResult()).longValue());
    }

    private String lastError(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT max(last_error) FROM kx_outbox WHERE record_key = ?1").setParameter(1, subject).getSingleResult());
    }

    private long inboxRows(String probe, String... eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_inbox WHERE consumer = ?1 AND event_id IN (?2)")
                .setParameter(1, consumer(probe)).setParameter(2, List.of(eventIds)).getSingleResult()).longValue());
    }

    private static String topic(String probe) {
        return "kx.platform-test." + probe + ".v1";
    }

    private static String consumer(String probe) {
        return "platform-test." + probe;
    }

    private static String group(String probe) {
        return PER_POLL.equals(probe) ? "platform-test.probe-batch" : "platform-test";
    }
}
