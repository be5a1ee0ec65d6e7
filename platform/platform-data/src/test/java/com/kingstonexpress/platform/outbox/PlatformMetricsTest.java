package com.kingstonexpress.platform.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.platform.testing.KafkaTopics;
import com.kingstonexpress.platform.testing.Metrics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The event pipeline's meters on /q/metrics (management port) after a scripted scenario. */
@QuarkusTest
class PlatformMetricsTest {

    private static final String TOPIC = "kx.platform-test.metrics.v1";
    private static final String PROBE = ProbeConsumer.TOPIC;
    private static final String CONSUMER = "platform-test.probe";
    /** The connector's consumer group: the application's name. */
    private static final String GROUP = "platform-test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;

    @Test
    void outboxBacklogAndAgeShowUnsentRowsUntilTheRelayPublishesThem() {
        relay.stop();
        try {
            String subject = "order-" + UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 3; i++) {
                    outbox.append(TOPIC, "com.kingstonexpress.test.metrics.v1", subject, Map.of("n", i));
                }
            });
            // The gauges read kx_outbox at most every few seconds.
            await().atMost(WAIT).untilAsserted(() -> {
                String scrape = Metrics.scrape();
                assertTrue(Metrics.valueIn(scrape, "kx_outbox_unsent") >= 3, () -> Metrics.series(scrape, "kx_outbox_unsent").toString());
                assertTrue(Metrics.valueIn(scrape, "kx_outbox_oldest_unsent_age_seconds") > 0);
            });
        } finally {
            relay.start();
        }
        double published = Metrics.value("kx_outbox_published_total");
        String later = "order-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, "com.kingstonexpress.test.metrics.v1", later, Map.of("n", 9)));
        await().atMost(WAIT).untilAsserted(() -> {
            String scrape = Metrics.scrape();
            assertEquals(0, Metrics.valueIn(scrape, "kx_outbox_unsent"));
            assertEquals(0, Metrics.valueIn(scrape, "kx_outbox_oldest_unsent_age_seconds"));
            assertTrue(Metrics.valueIn(scrape, "kx_outbox_published_total") >= published + 1);
        });
        String scrape = Metrics.scrape();
        // The relay's own producer (KafkaClientMetrics) and the pool; every meter names its application.
        assertTrue(Metrics.valueIn(scrape, "kafka_producer_record_send_total", "client_id", "kx-outbox-relay") >= 4,
                () -> Metrics.series(scrape, "kafka_producer_record_send_total").toString());
        assertFalse(Metrics.series(scrape, "agroal_active_count").isEmpty());
        assertFalse(Metrics.series(scrape, "kx_outbox_unsent", "application", "platform-test").isEmpty());
        System.out.printf("outbox: published %.0f, publish failures %.0f%n", Metrics.valueIn(scrape, "kx_outbox_published_total"),
                Metrics.valueIn(scrape, "kx_outbox_publish_failures_total"));
    }

    @Test
    void everyDeadLetteredRecordIsCountedForItsConsumerAndTheConsumerLagIsExported() {
        // Other tests' records (or ones redelivered after an earlier application in this JVM stopped) may still be
        // on their way to the dead-letter topic: count from a consumer that has caught up.
        KafkaTopics.awaitConsumed(GROUP, PROBE, WAIT);
        double before = Metrics.value("kx_events_dead_lettered_total", "consumer", CONSUMER);
        String subject = "order-" + UUID.randomUUID();
        String applied = UUID.randomUUID().toString();
        KafkaTopics.send(PROBE, subject, "{not json");
        KafkaTopics.send(PROBE, subject, ProbeConsumer.event(UUID.randomUUID().toString(), subject, true));
        KafkaTopics.send(PROBE, subject, ProbeConsumer.event(applied, subject, false));
        KafkaTopics.await(PROBE + ".dlq", r -> subject.equals(r.key()), l -> l.size() == 2, WAIT);
        KafkaTopics.awaitConsumed(GROUP, PROBE, WAIT);
        assertEquals(before + 2, Metrics.value("kx_events_dead_lettered_total", "consumer", CONSUMER));

        // The connector's consumers are bound by the Kafka binder: records-lag per topic and partition.
        await().atMost(WAIT).untilAsserted(() -> {
            String scrape = Metrics.scrape();
            assertFalse(Metrics.series(scrape, "kafka_consumer_fetch_manager_records_lag_max").isEmpty(),
                    () -> scrape.lines().filter(l -> l.startsWith("kafka_consumer")).limit(40).toList().toString());
        });
    }
}
