package com.kingstonexpress.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.platform.metrics.KxMetrics;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A start that fails (its port taken) stops without a {@code ShutdownEvent} but closes the persistence unit while the
 * consumers still run. Every event then fails, and not because of the event: each must be left for redelivery, not
 * dead-lettered. A CI run once lost 58 events to the dead-letter topic that way.
 */
@QuarkusTest
@TestProfile(ConsumerStoppingTest.OwnApplication.class)
class ConsumerStoppingTest {

    /** An application of its own: this test closes its persistence unit, and no other test may share it afterwards. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    private static final String PER_RECORD = "kx.platform-test.probe.v1";
    private static final String PER_POLL = "kx.platform-test.probe-batch.v1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EntityManagerFactory persistenceUnit;
    @Inject
    ProbeConsumer probe;
    @Inject
    InboundEvents inbound;
    @Inject
    MeterRegistry registry;

    @Test
    void eventsFailingOnAClosedPersistenceUnitAreLeftForRedeliveryNotDeadLettered() {
        String subject = "order-" + UUID.randomUUID();
        // Both consumers are up and applying.
        sendOneToEachConsumer(subject);
        await().atMost(WAIT).until(() -> probe.applied(subject) == 2);

        persistenceUnit.close();
        long handledBefore = inbound.leftForRedelivery() + deadLettered();
        sendOneToEachConsumer(subject);
        // Each consumer has met the closed unit with its record, and either left or refused it.
        await().atMost(WAIT).until(() -> inbound.leftForRedelivery() + deadLettered() >= handledBefore + 2);

        for (String topic : List.of(PER_RECORD, PER_POLL)) {
            List<String> deadLettered = KafkaTopics.readAll(topic + ".dlq", r -> subject.equals(r.key())).stream()
                    .map(ConsumerRecord::value).toList();
            assertEquals(List.of(), deadLettered, "an event that failed because the service was stopping is not the event's fault");
            // Neither acknowledged: the next consumer of the partition is given it again.
            List<ConsumerRecord<String, String>> sent = KafkaTopics.readAll(topic, r -> subject.equals(r.key()));
            ConsumerRecord<String, String> last = sent.get(sent.size() - 1);
            String group = PER_POLL.equals(topic) ? "platform-test.probe-batch" : "platform-test";
            long committed = KafkaTopics.committedOffset(group, last);
            assertTrue(committed <= last.offset(), topic + ": committed " + committed + " past the record left at " + last.offset());
        }
    }

    private static void sendOneToEachConsumer(String subject) {
        KafkaTopics.send(PER_RECORD, subject, ProbeConsumer.event(UUID.randomUUID().toString(), subject, false));
        KafkaTopics.send(PER_POLL, subject, ProbeConsumer.event(UUID.randomUUID().toString(), subject, false));
    }

    private long deadLettered() {
        return registry.find(KxMetrics.EVENTS_DEAD_LETTERED).counters().stream().mapToLong(c -> (long) c.count()).sum();
    }
}
