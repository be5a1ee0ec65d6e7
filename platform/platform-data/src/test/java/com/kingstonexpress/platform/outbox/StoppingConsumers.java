package com.kingstonexpress.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.platform.metrics.KxMetrics;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the stopping tests check, each in an application of its own (a stopped application's consumers take nothing
 * more): once the application stops, a record that fails is left for the next consumer of its partition, neither
 * dead-lettered nor acknowledged, under both kinds of consumer.
 */
abstract class StoppingConsumers {

    private static final String PER_RECORD = ProbeConsumer.TOPIC;
    private static final String PER_POLL = BatchProbeConsumer.TOPIC;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ProbeConsumer probe;
    @Inject
    InboundEvents inbound;
    @Inject
    MeterRegistry registry;

    /** Checks that both consumers apply, runs {@code stop}, then sends each consumer a record that fails. */
    void assertFailingRecordsAreLeftAfter(Runnable stop, boolean poison) {
        String subject = "order-" + UUID.randomUUID();
        // Both consumers are up and applying.
        sendOneToEachConsumer(subject, false);
        await().atMost(WAIT).until(() -> probe.applied(subject) == 2);

        stop.run();
        long handledBefore = inbound.leftForRedelivery() + deadLettered();
        sendOneToEachConsumer(subject, poison);
        // Each consumer has met the failure with its record, and either left or refused it.
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

    private static void sendOneToEachConsumer(String subject, boolean poison) {
        KafkaTopics.send(PER_RECORD, subject, ProbeConsumer.event(UUID.randomUUID().toString(), subject, poison));
        KafkaTopics.send(PER_POLL, subject, ProbeConsumer.event(UUID.randomUUID().toString(), subject, poison));
    }

    private long deadLettered() {
        return registry.find(KxMetrics.EVENTS_DEAD_LETTERED).counters().stream().mapToLong(c -> (long) c.count()).sum();
    }
}
