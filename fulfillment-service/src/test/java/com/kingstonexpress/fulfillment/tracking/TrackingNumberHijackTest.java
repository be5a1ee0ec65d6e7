package com.kingstonexpress.fulfillment.tracking;

import static com.kingstonexpress.fulfillment.support.Webhooks.batch;
import static com.kingstonexpress.fulfillment.support.Webhooks.carrierEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.centerEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCarrier;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCenter;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.support.Tables;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Review #12 M4: one seller attaches another parcel's tracking number to their own order. Carrier events are
 * matched on (carrier, number) and go to the number's first open claim: the victim keeps its updates, and the
 * attacker never gets the victim's scans, least of all its DELIVERED.
 */
@QuarkusTest
class TrackingNumberHijackTest {

    private static final String CARRIER = OrderFixtures.CARRIER;

    @Inject
    OrderFixtures orders;
    @Inject
    Tables tables;

    private final Instant placedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aSecondClaimOfTheSameNumberNeitherBlocksNorBorrowsTheVictimsScans() {
        String tracking = "RP-" + UUID.randomUUID();
        String victim = orders.sellerManagedOrder("victim-seller", placedAt, tracking);
        String attacker = claim("attacker-seller", "ROYAL  parcel", tracking);

        postCarrier(CARRIER, batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "DELIVERED", placedAt.plusSeconds(3600), "")))
                .statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected", empty());
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1 AND event_type = 'DELIVERED'", victim));
        assertEquals(0, tables.count("tracking_event WHERE order_id = ?1", attacker));
        assertEquals(0, tables.count("kx_outbox WHERE record_key = ?1", attacker));
    }

    @Test
    void theSameNumberAtAnotherCarrierIsAnotherParcel() {
        String tracking = "RP-" + UUID.randomUUID();
        String other = claim("seller-a", "Swift Post", tracking);
        String royal = claim("seller-b", "Royal Parcel", tracking);

        postCarrier(CARRIER, batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "IN_TRANSIT", placedAt.plusSeconds(3600), "")))
                .statusCode(202)
                .body("accepted", equalTo(1));
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1", royal));
        assertEquals(0, tables.count("tracking_event WHERE order_id = ?1", other));
    }

    @Test
    void aNumberACenterHandedOutStaysWithItsParcel() {
        String tracking = "RP-" + UUID.randomUUID();
        String kingston = orders.kingstonOrder("victim-seller", placedAt);
        postCenter(OrderFixtures.CENTER, batch(centerEvent("h-" + UUID.randomUUID(), kingston, "HANDED_TO_CARRIER",
                placedAt.plusSeconds(1800), ",\"carrier\":\"royal-parcel\",\"trackingNumber\":\"" + tracking + "\"")))
                .statusCode(202).body("accepted", equalTo(1));
        String attacker = claim("attacker-seller", "Royal Parcel", tracking);

        postCarrier(CARRIER, batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "DELIVERED", placedAt.plusSeconds(7200), "")))
                .statusCode(202)
                .body("accepted", equalTo(1));
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1 AND event_type = 'DELIVERED'", kingston));
        assertEquals(0, tables.count("tracking_event WHERE order_id = ?1", attacker));
    }

    @Test
    void aReusedNumberNeverBorrowsTheOldParcelsDelivery() {
        String tracking = "RP-" + UUID.randomUUID();
        String first = orders.sellerManagedOrder("seller-a", placedAt, tracking);
        Instant deliveredAt = placedAt.plusSeconds(3600);
        postCarrier(CARRIER, batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "DELIVERED", deliveredAt, "")))
                .statusCode(202).body("accepted", equalTo(1));
        // Delivered: order-service lets another order use the number now.
        String reuser = claim("seller-b", "Royal Parcel", tracking);

        // The old parcel's delivery, reported again under a new id (or late): still the old parcel's.
        postCarrier(CARRIER, batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "DELIVERED", deliveredAt, "")))
                .statusCode(202).body("accepted", equalTo(1)).body("rejected", empty());
        assertEquals(0, tables.count("tracking_event WHERE order_id = ?1", reuser));
        assertEquals(2, tables.count("tracking_event WHERE order_id = ?1", first));

        // The new parcel's own scans, after the old one's last, are the reuser's.
        postCarrier(CARRIER, batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "IN_TRANSIT", deliveredAt.plusSeconds(600), "")))
                .statusCode(202).body("accepted", equalTo(1));
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1 AND event_type = 'IN_TRANSIT'", reuser));
    }

    /** A seller-managed order whose seller added this carrier and number, known here after the claims before it. */
    private String claim(String sellerId, String carrier, String trackingNumber) {
        String orderId = UUID.randomUUID().toString();
        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, orderId,
                OrderFixtures.orderPlaced(orderId, sellerId, "SELLER_MANAGED", null, placedAt));
        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, orderId, OrderFixtures.trackingAdded(orderId, sellerId, carrier, trackingNumber));
        await().atMost(OrderFixtures.WAIT)
                .until(() -> tables.count("shipment WHERE order_id = ?1 AND tracking_number = ?2", orderId, trackingNumber) == 1);
        return orderId;
    }
}
