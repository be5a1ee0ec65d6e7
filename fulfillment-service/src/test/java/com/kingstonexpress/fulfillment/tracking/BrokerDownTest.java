package com.kingstonexpress.fulfillment.tracking;

import static com.kingstonexpress.fulfillment.support.Webhooks.batch;
import static com.kingstonexpress.fulfillment.support.Webhooks.centerEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCenter;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.support.Tables;
import com.kingstonexpress.platform.infra.KafkaBroker;
import com.kingstonexpress.platform.testing.KafkaTopics;
import com.kingstonexpress.platform.testing.SharedInfrastructure;

import io.quarkus.test.junit.QuarkusTest;

/** A 202 is a promise: an event accepted while the broker is down is published once the broker is back. */
@QuarkusTest
class BrokerDownTest {

    @Inject
    OrderFixtures orders;
    @Inject
    Tables tables;

    @Test
    void anEventAcceptedWhileTheBrokerIsDownIsReportedWhenItIsBack() {
        var embedded = SharedInfrastructure.embeddedKafka();
        Assumptions.assumeTrue(embedded.isPresent(), "an external broker cannot be stopped from here");
        KafkaBroker broker = embedded.get();
        Instant placedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String orderId = orders.kingstonOrder("seller-6", placedAt);
        String eventId = "down-" + orderId;

        broker.kill();
        try {
            postCenter(OrderFixtures.CENTER, batch(centerEvent(eventId, orderId, "PICKED", placedAt.plusSeconds(60), "")))
                    .statusCode(202)
                    .body("accepted", equalTo(1));
            assertEquals(1, tables.count("tracking_event WHERE event_id = ?1", eventId));
            // The relay tries, fails and notes why; the report waits in the outbox.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> tables.count("kx_outbox WHERE record_key = ?1 AND last_error IS NOT NULL", orderId) == 1);
            assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1 AND sent_at IS NULL", orderId));
        } finally {
            broker.start();
        }

        List<ConsumerRecord<String, String>> published = KafkaTopics.await("kx.fulfillment.status.v1",
                r -> orderId.equals(r.key()), l -> !l.isEmpty(), Duration.ofSeconds(90));
        assertTrue(published.get(0).value().contains(eventId));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> tables.count("kx_outbox WHERE record_key = ?1 AND sent_at IS NULL", orderId) == 0);
    }
}
