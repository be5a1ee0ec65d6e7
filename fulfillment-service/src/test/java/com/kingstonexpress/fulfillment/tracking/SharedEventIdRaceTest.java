package com.kingstonexpress.fulfillment.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.tracking.application.IngestTrackingEvents;
import com.kingstonexpress.fulfillment.tracking.domain.BatchOutcome;
import com.kingstonexpress.fulfillment.tracking.domain.FulfillmentEventType;
import com.kingstonexpress.fulfillment.tracking.domain.OrderType;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentStatus;
import com.kingstonexpress.fulfillment.tracking.persistence.OrderProjection;
import com.kingstonexpress.fulfillment.tracking.persistence.Shipment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One center event id sent for two orders by two batches at once. Each batch locks only its own order's shipment, so
 * neither sees the other's uncommitted event before it inserts: the second insert waits for the first batch, then
 * skips the row (one event id per sender). The second batch must then keep nothing at all, not advance its order on
 * an event it did not store.
 */
@QuarkusTest
class SharedEventIdRaceTest {

    @Inject
    OrderProjection projection;
    @Inject
    IngestTrackingEvents ingest;
    @Inject
    EntityManager em;

    @Test
    void aBatchWhoseEventWasStoredMeanwhileForAnotherOrderKeepsNothing() throws Exception {
        Instant placedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String first = "race-" + run + "-a";
        String second = "race-" + run + "-b";
        QuarkusTransaction.requiringNew().run(() -> List.of(first, second).forEach(orderId -> projection.placed(orderId,
                "seller-race", OrderType.KINGSTON_DISPATCHED, OrderFixtures.CENTER, "GB", "London", placedAt)));
        String eventId = "shared-" + run;
        Sender center = Sender.center(OrderFixtures.CENTER);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch firstIngested = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        try {
            Future<BatchOutcome> firstBatch = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                BatchOutcome outcome = ingest.ingest(center, List.of(picked(eventId, first, placedAt)));
                firstIngested.countDown();
                // Held open: the second batch must reach its insert while this one's row is uncommitted.
                commitFirst.await(60, TimeUnit.SECONDS);
                return outcome;
            }));
            firstIngested.await(60, TimeUnit.SECONDS);
            Future<BatchOutcome> secondBatch = threads.submit(() -> ingest.ingest(center, List.of(picked(eventId, second, placedAt))));
            await().atMost(Duration.ofSeconds(60)).until(() -> insertsWaitingForALock() == 1);
            commitFirst.countDown();

            assertEquals(1, firstBatch.get(60, TimeUnit.SECONDS).accepted());
            ExecutionException failure = assertThrows(ExecutionException.class, () -> secondBatch.get(60, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, failure.getCause());
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }

        assertEquals(List.of(first), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT order_id FROM tracking_event WHERE event_id = ?1", String.class).setParameter(1, eventId).getResultList()));
        assertEquals(ShipmentStatus.PROCESSING, shipmentStatus(first));
        assertEquals(ShipmentStatus.NEW, shipmentStatus(second), "the second order did not move on an event it did not keep");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM kx_outbox WHERE record_key = ?1").setParameter(1, second).getSingleResult()).longValue()),
                "no status report for the second order");

        // The sender's retry sees the event id stored: a duplicate, and still nothing for the second order.
        BatchOutcome retry = ingest.ingest(center, List.of(picked(eventId, second, placedAt)));
        assertEquals(List.of(0, 1), List.of(retry.accepted(), retry.duplicates()));
        assertEquals(ShipmentStatus.NEW, shipmentStatus(second));
    }

    private static ReceivedEvent picked(String eventId, String orderId, Instant placedAt) {
        return new ReceivedEvent(eventId, orderId, null, null, FulfillmentEventType.PICKED.name(), placedAt.plusSeconds(600),
                "hub", null, null);
    }

    private ShipmentStatus shipmentStatus(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Shipment.class, orderId).status);
    }

    private long insertsWaitingForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO tracking_event%'""")
                .getSingleResult()).longValue());
    }
}
