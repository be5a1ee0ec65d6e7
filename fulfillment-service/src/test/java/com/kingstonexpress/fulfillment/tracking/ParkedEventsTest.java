package com.kingstonexpress.fulfillment.tracking;

import static com.kingstonexpress.fulfillment.support.Webhooks.batch;
import static com.kingstonexpress.fulfillment.support.Webhooks.carrierEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.centerEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCarrier;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCenter;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.support.Tables;
import com.kingstonexpress.fulfillment.tracking.domain.OrderType;
import com.kingstonexpress.fulfillment.tracking.persistence.OrderProjection;
import com.kingstonexpress.platform.infra.DevTokens;
import com.kingstonexpress.platform.parking.ParkedEvents;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #10: an event that overtakes the fact it names (a carrier's scan before the seller's tracking number, a
 * center's event before order.placed) is parked, not rejected, and applied exactly once when the fact arrives.
 */
@QuarkusTest
class ParkedEventsTest {

    private static final String STATUS_TOPIC = "kx.fulfillment.status.v1";
    private static final String CENTER_TOPIC = "kx.fulfillment.center-events.v1";
    private static final String CARRIER = OrderFixtures.CARRIER;

    @Inject
    OrderFixtures orders;
    @Inject
    Tables tables;
    @Inject
    ParkedEvents parkedEvents;
    @Inject
    OrderProjection projection;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    private final Instant placedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    /** The race of issue #10: shipped, and the carrier's DELIVERED overtakes order.tracking-added. */
    @Test
    void aDeliveredScanBeforeTheTrackingNumberIsAppliedWhenTheTrackingArrives() throws Exception {
        String orderId = sellerManagedOrderWithoutTracking("seller-p1");
        String tracking = "RP-" + UUID.randomUUID();
        String scan = "c-" + UUID.randomUUID();

        postCarrier(CARRIER, batch(carrierEvent(scan, tracking, "DELIVERED", placedAt.plusSeconds(7200), ",\"proof\":\"photo:1\"")))
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(0))
                .body("parked", equalTo(1))
                .body("rejected", empty());
        assertEquals(0, tables.count("tracking_event WHERE event_id = ?1", scan));
        assertEquals(0, tables.count("rejected_event WHERE event_id = ?1", scan));
        assertEquals(1, tables.count("kx_parked_event WHERE event_id = ?1 AND state = 'PARKED'", "CARRIER/" + CARRIER + "/" + scan));

        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, orderId, OrderFixtures.trackingAdded(orderId, "seller-p1", "Royal Parcel", tracking));

        await().atMost(OrderFixtures.WAIT).until(() -> tables.count("tracking_event WHERE event_id = ?1 AND order_id = ?2", scan, orderId) == 1);
        assertEquals(1, tables.count("shipment WHERE order_id = ?1 AND status = 'DELIVERED'", orderId));
        assertEquals(0, tables.count("kx_parked_event WHERE event_id LIKE ?1", "%" + scan));
        // What order-service needs to mark the order delivered: the status report, on the topic.
        List<ConsumerRecord<String, String>> reports = KafkaTopics.await(STATUS_TOPIC, r -> orderId.equals(r.key()),
                l -> !l.isEmpty(), OrderFixtures.WAIT);
        JsonNode data = json.readTree(reports.get(0).value()).get("data");
        assertEquals("DELIVERED", data.get("eventType").asText());
        assertEquals("DELIVERED", data.get("status").asText());
        assertEquals(scan, data.get("sourceEventId").asText());
        assertEquals(tracking, data.get("trackingNumber").asText());
        assertEquals(1, reports.size());
    }

    @Test
    void centerEventsBeforeTheOrderAreAppliedWhenItIsPlacedWhetherTheyCameByWebhookOrByKafka() {
        String orderId = UUID.randomUUID().toString();
        String byWebhook = "w-" + UUID.randomUUID();
        String byKafka = "k-" + UUID.randomUUID();
        postCenter(OrderFixtures.CENTER, batch(centerEvent(byWebhook, orderId, "PICKED", placedAt.plusSeconds(60), "")))
                .statusCode(202)
                .body("parked", equalTo(1))
                .body("accepted", equalTo(0))
                .body("rejected", empty());
        KafkaTopics.send(CENTER_TOPIC, orderId,
                CenterEventTopicTest.centerEventRecord(OrderFixtures.CENTER, byKafka, orderId, "PACKED", placedAt.plusSeconds(120)));
        await().atMost(OrderFixtures.WAIT).until(() -> tables.count("kx_parked_event WHERE awaiting = ?1", "order:" + orderId) == 2);
        assertEquals(0, tables.count("rejected_event WHERE order_id = ?1", orderId));

        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, orderId,
                OrderFixtures.orderPlaced(orderId, "seller-p2", "KINGSTON_DISPATCHED", OrderFixtures.CENTER, placedAt));

        await().atMost(OrderFixtures.WAIT).until(() -> tables.count("tracking_event WHERE order_id = ?1", orderId) == 2);
        assertEquals(1, tables.count("shipment WHERE order_id = ?1 AND status = 'PROCESSING'", orderId));
        assertEquals(0, tables.count("kx_parked_event WHERE awaiting = ?1", "order:" + orderId));
        List<ConsumerRecord<String, String>> reports = KafkaTopics.await(STATUS_TOPIC, r -> orderId.equals(r.key()),
                l -> l.size() >= 1, OrderFixtures.WAIT);
        assertTrue(reports.get(0).value().contains(byWebhook), "the first parked event is reported first");
        assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1", orderId), "PACKED after PICKED changes nothing to report");
    }

    @Test
    void aParkedEventSentAgainIsADuplicateNotASecondParkedOne() {
        String orderId = sellerManagedOrderWithoutTracking("seller-p3");
        String tracking = "RP-" + UUID.randomUUID();
        String scan = carrierEvent("c-dup-" + UUID.randomUUID(), tracking, "IN_TRANSIT", placedAt.plusSeconds(3600), "");
        postCarrier(CARRIER, batch(scan, scan))
                .statusCode(202)
                .body("parked", equalTo(1))
                .body("duplicates", equalTo(1));
        postCarrier(CARRIER, batch(scan))
                .statusCode(202)
                .body("parked", equalTo(0))
                .body("duplicates", equalTo(1));
        assertEquals(1, tables.count("kx_parked_event WHERE awaiting = ?1", "tracking:royal-parcel:" + tracking));

        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, orderId, OrderFixtures.trackingAdded(orderId, "seller-p3", "Royal Parcel", tracking));
        await().atMost(OrderFixtures.WAIT).until(() -> tables.count("tracking_event WHERE order_id = ?1", orderId) == 1);
        postCarrier(CARRIER, batch(scan) + " ")
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("parked", equalTo(0))
                .body("duplicates", equalTo(1));
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1", orderId));
        assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1", orderId));
    }

    @Test
    void anEventWaitingTooLongExpiresIntoARecordSupportAgentsSeeOnTheTrackingView() {
        String orderId = sellerManagedOrderWithoutTracking("seller-p4");
        String tracking = "RP-" + UUID.randomUUID();
        String scan = "c-exp-" + UUID.randomUUID();
        postCarrier(CARRIER, batch(carrierEvent(scan, tracking, "DELIVERED", placedAt.plusSeconds(3600), "")))
                .statusCode(202).body("parked", equalTo(1));

        parkedEvents.expire(Instant.now().plus(Duration.ofHours(1)));
        assertEquals(0, tables.count("kx_parked_event WHERE event_id LIKE ?1 AND state = 'EXPIRED'", "%" + scan),
                "not expired before its time");
        parkedEvents.expire(Instant.now().plus(Duration.ofDays(30)));
        assertEquals(1, tables.count("kx_parked_event WHERE event_id LIKE ?1 AND state = 'EXPIRED'", "%" + scan));
        assertEquals(1, tables.count("rejected_event WHERE event_id = ?1 AND reason_code = 'PARKED_EXPIRED' AND tracking_number = ?2",
                scan, tracking));

        // The tracking number arrives after all: the expired event stays a record, it is not applied.
        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, orderId, OrderFixtures.trackingAdded(orderId, "seller-p4", "Royal Parcel", tracking));
        await().atMost(OrderFixtures.WAIT).until(() -> tables.count("shipment WHERE order_id = ?1 AND tracking_number = ?2", orderId, tracking) == 1);
        assertEquals(0, tables.count("tracking_event WHERE order_id = ?1", orderId));

        given().auth().oauth2(DevTokens.supportAgent("agent-p"))
                .when().get("/api/v1/orders/{orderId}/tracking", orderId)
                .then().statusCode(200)
                .body("rejectedEvents.eventId", hasItem(scan))
                .body("rejectedEvents.code", hasItem("PARKED_EXPIRED"));
        given().auth().oauth2(DevTokens.seller("seller-p4"))
                .when().get("/api/v1/orders/{orderId}/tracking", orderId)
                .then().statusCode(200)
                .body("rejectedEvents", nullValue());
    }

    @Test
    void twoExpiryRunsAtOnceExpireEachEventOnce() throws Exception {
        String tracking = "RP-" + UUID.randomUUID();
        List<String> scans = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            scans.add(carrierEvent("c-two-" + i + "-" + UUID.randomUUID(), tracking, "IN_TRANSIT", placedAt.plusSeconds(60 + i), ""));
        }
        postCarrier(CARRIER, batch(scans.toArray(String[]::new))).statusCode(202).body("parked", equalTo(30));
        Instant later = Instant.now().plus(Duration.ofDays(30));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(() -> parkedEvents.expire(later),
                    () -> parkedEvents.expire(later)));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(30, tables.count("kx_parked_event WHERE awaiting = ?1 AND state = 'EXPIRED'", "tracking:royal-parcel:" + tracking));
        assertEquals(30, tables.count("rejected_event WHERE tracking_number = ?1 AND reason_code = 'PARKED_EXPIRED'", tracking));
    }

    /**
     * Many facts and the events waiting for them, arriving interleaved from several threads, each event sent twice:
     * every event ends applied exactly once, none left parked.
     */
    @Test
    void factsAndEventsRacingFromManyThreadsEndWithEachEventAppliedOnce() throws Exception {
        int orders = 30;
        List<Callable<Object>> tasks = new ArrayList<>();
        List<String> centerOrders = new ArrayList<>();
        List<String> carrierOrders = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            // Kingston-dispatched: a center's PICKED races order.placed.
            String kingston = UUID.randomUUID().toString();
            centerOrders.add(kingston);
            String picked = batch(centerEvent("race-" + UUID.randomUUID(), kingston, "PICKED", placedAt.plusSeconds(60), ""));
            tasks.add(() -> {
                projection.placed(kingston, "seller-race", OrderType.KINGSTON_DISPATCHED, OrderFixtures.CENTER, "GB", "London", placedAt);
                return null;
            });
            tasks.add(() -> postCenter(OrderFixtures.CENTER, picked).statusCode(202));
            // The same event again (another request: a signature is accepted once).
            tasks.add(() -> postCenter(OrderFixtures.CENTER, picked + " ").statusCode(202));

            // Seller-managed, already placed: a carrier's DELIVERED races order.tracking-added.
            String sellerManaged = UUID.randomUUID().toString();
            carrierOrders.add(sellerManaged);
            projection.placed(sellerManaged, "seller-race", OrderType.SELLER_MANAGED, null, "GB", "London", placedAt);
            String tracking = "RP-" + UUID.randomUUID();
            String delivered = batch(carrierEvent("race-" + UUID.randomUUID(), tracking, "DELIVERED", placedAt.plusSeconds(600), ""));
            tasks.add(() -> {
                projection.trackingAdded(sellerManaged, "Royal Parcel", tracking);
                return null;
            });
            tasks.add(() -> postCarrier(CARRIER, delivered).statusCode(202));
            tasks.add(() -> postCarrier(CARRIER, delivered + " ").statusCode(202));
        }
        Collections.shuffle(tasks, new Random(10));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Object> done : pool.invokeAll(tasks)) {
                done.get(); // rethrows any failure
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }

        for (String orderId : centerOrders) {
            assertEquals(1, tables.count("tracking_event WHERE order_id = ?1", orderId), orderId);
            assertEquals(1, tables.count("shipment WHERE order_id = ?1 AND status = 'PROCESSING'", orderId), orderId);
            assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1", orderId), orderId);
            assertEquals(0, tables.count("kx_parked_event WHERE awaiting = ?1", "order:" + orderId), orderId);
        }
        for (String orderId : carrierOrders) {
            assertEquals(1, tables.count("tracking_event WHERE order_id = ?1", orderId), orderId);
            assertEquals(1, tables.count("shipment WHERE order_id = ?1 AND status = 'DELIVERED'", orderId), orderId);
            assertEquals(1, tables.count("kx_outbox WHERE record_key = ?1", orderId), orderId);
        }
        assertEquals(0, tables.count("rejected_event WHERE source_id IN (?1, ?2) AND event_id LIKE 'race-%'", CARRIER,
                OrderFixtures.CENTER));
    }

    /** Fact keys locked in one call are each held until the transaction ends, a key locked again included. */
    @Test
    void factKeysLockedTogetherAreEachHeldUntilTheTransactionEnds() throws Exception {
        List<String> keys = List.of("order:lock-" + UUID.randomUUID(), "tracking:lock-" + UUID.randomUUID(),
                "order:lock-" + UUID.randomUUID());
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> transaction = holder.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                parkedEvents.lock(keys);
                parkedEvents.lock(keys.get(1)); // held already: no second lock is taken
                locked.countDown();
                try {
                    assertTrue(looked.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            for (String key : keys) {
                assertFalse(tryLock(key), key + " is not held by the locking transaction");
            }
            looked.countDown();
            transaction.get(30, TimeUnit.SECONDS);
            for (String key : keys) {
                assertTrue(tryLock(key), key + " is still held after the locking transaction ended");
            }
        } finally {
            holder.shutdownNow();
        }
    }

    /**
     * A poll of order events as the order consumer applies it: its facts locked and looked at once, then each order
     * registered without a statement of its own unless something waits for it. What waited is applied, an order
     * registered before is left as it was, and tracking added to an order placed earlier in the poll finds it.
     */
    @Test
    void aPollRegistersItsOrdersAndReleasesOnlyWhatWaits() {
        String waited = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        String known = UUID.randomUUID().toString();
        String picked = "w-" + UUID.randomUUID();
        String tracking = "RP-" + UUID.randomUUID();
        postCenter(OrderFixtures.CENTER, batch(centerEvent(picked, waited, "PICKED", placedAt.plusSeconds(60), "")))
                .statusCode(202).body("parked", equalTo(1));
        QuarkusTransaction.requiringNew().run(() -> projection.placed(known, "seller-first", OrderType.SELLER_MANAGED, null,
                null, null, placedAt));
        List<String> ids = List.of(waited, fresh, known);

        QuarkusTransaction.requiringNew().run(() -> {
            parkedEvents.lockForRelease(ids.stream().map(id -> "order:" + id).toList());
            assertTrue(parkedEvents.mayHaveWaiting("order:" + waited));
            assertFalse(parkedEvents.mayHaveWaiting("order:" + fresh));
            projection.lookUp(ids);
            projection.placed(fresh, "seller-p9", OrderType.SELLER_MANAGED, null, null, null, placedAt);
            projection.placed(waited, "seller-p9", OrderType.KINGSTON_DISPATCHED, OrderFixtures.CENTER, null, null, placedAt);
            projection.placed(known, "seller-again", OrderType.SELLER_MANAGED, null, null, null, placedAt);
            projection.trackingAdded(fresh, "Royal Parcel", tracking);
        });

        assertEquals(1, tables.count("tracking_event WHERE event_id = ?1 AND order_id = ?2", picked, waited));
        assertEquals(0, tables.count("kx_parked_event WHERE awaiting = ?1", "order:" + waited));
        assertEquals(1, tables.count("shipment WHERE order_id = ?1 AND tracking_number = ?2", fresh, tracking));
        assertEquals(1, tables.count("order_projection WHERE order_id = ?1 AND seller_id = 'seller-first'", known));
        assertEquals(1, tables.count("shipment WHERE order_id = ?1", known));
    }

    /** Parking for a key found with nothing waiting makes it waited for again: a later release in the poll finds it. */
    @Test
    void parkingForAKeyFoundEmptyMakesItWaitedFor() {
        String key = "tracking:again-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            parkedEvents.lockForRelease(List.of(key));
            assertFalse(parkedEvents.mayHaveWaiting(key));
            assertTrue(parkedEvents.park("fulfillment-service.carrier-webhook", "again-" + UUID.randomUUID(), key, "{}", "test"));
            assertTrue(parkedEvents.mayHaveWaiting(key), "what was parked in this transaction is looked for");
        });
        assertTrue(QuarkusTransaction.requiringNew().call(() -> parkedEvents.mayHaveWaiting(key)), "known only to its transaction");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM kx_parked_event WHERE awaiting = ?1")
                .setParameter(1, key).executeUpdate());
    }

    /** Whether another transaction gets the fact key's lock at once (ParkedEvents' namespace, "kxpf"). */
    private boolean tryLock(String key) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, 0x6b78_7066)
                .setParameter(2, key)
                .getSingleResult());
    }

    private String sellerManagedOrderWithoutTracking(String sellerId) {
        String orderId = UUID.randomUUID().toString();
        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, orderId, OrderFixtures.orderPlaced(orderId, sellerId, "SELLER_MANAGED", null, placedAt));
        orders.awaitKnown(orderId);
        return orderId;
    }
}
