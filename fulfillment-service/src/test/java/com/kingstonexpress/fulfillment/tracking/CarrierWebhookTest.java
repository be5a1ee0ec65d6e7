package com.kingstonexpress.fulfillment.tracking;

import static com.kingstonexpress.fulfillment.support.Webhooks.batch;
import static com.kingstonexpress.fulfillment.support.Webhooks.carrierEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.centerEvent;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCarrier;
import static com.kingstonexpress.fulfillment.support.Webhooks.postCenter;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.fulfillment.support.Tables;
import com.kingstonexpress.fulfillment.support.Webhooks;
import com.kingstonexpress.fulfillment.tracking.persistence.OrderProjection;
import com.kingstonexpress.platform.security.WebhookSignature;
import com.kingstonexpress.platform.testing.KafkaTopics;

import io.quarkus.test.junit.QuarkusTest;

/** Carriers report by tracking number, learned from the seller's tracking or from the center's hand-over. */
@QuarkusTest
class CarrierWebhookTest {

    private static final String CARRIER = OrderFixtures.CARRIER;

    @Inject
    OrderFixtures orders;
    @Inject
    Tables tables;
    @Inject
    OrderProjection projection;

    private final Instant placedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aSellerManagedOrderIsTrackedByTheNumberTheSellerAdded() {
        String tracking = "RP-" + UUID.randomUUID();
        String orderId = orders.sellerManagedOrder("seller-2", placedAt, tracking);
        postCarrier(CARRIER, batch(
                carrierEvent("c-" + UUID.randomUUID(), tracking, "IN_TRANSIT", placedAt.plusSeconds(3600), ""),
                carrierEvent("c-" + UUID.randomUUID(), tracking, "DELIVERED", placedAt.plusSeconds(7200),
                        ",\"proof\":\"photo:door-123\"")))
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(0));
        assertEquals(2, tables.count("tracking_event WHERE order_id = ?1 AND source = 'CARRIER' AND source_id = ?2", orderId, CARRIER));
        assertEquals(2, tables.count("kx_outbox WHERE record_key = ?1", orderId));
    }

    @Test
    void aKingstonOrderIsTrackedByTheNumberItsCenterHandedOver() {
        String orderId = orders.kingstonOrder("seller-2", placedAt);
        String tracking = "RP-" + UUID.randomUUID();
        String early = "c-early-" + UUID.randomUUID();
        postCarrier(CARRIER, batch(carrierEvent(early, tracking, "IN_TRANSIT", placedAt.plusSeconds(3600), "")))
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("parked", equalTo(1))
                .body("rejected", empty());

        postCenter(OrderFixtures.CENTER, batch(centerEvent("h-" + UUID.randomUUID(), orderId, "HANDED_TO_CARRIER",
                placedAt.plusSeconds(1800), ",\"carrier\":\"royal-parcel\",\"trackingNumber\":\"" + tracking + "\"")))
                .statusCode(202).body("accepted", equalTo(1));
        // The hand-over registered the tracking number: the scan that came before it is applied in the same transaction.
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1 AND event_id = ?2", orderId, early));
        postCarrier(CARRIER, batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "IN_TRANSIT", placedAt.plusSeconds(3700), "")))
                .statusCode(202)
                .body("accepted", equalTo(1));
        assertEquals(0, tables.count("rejected_event WHERE tracking_number = ?1", tracking));
    }

    /** The hand-overs of one batch release their parked scans together, after the batch's shipments are written. */
    @Test
    void scansParkedForSeveralParcelsApplyWhenOneCenterBatchHandsThemAllOver() {
        List<String> orderIds = new ArrayList<>();
        List<String> handOvers = new ArrayList<>();
        List<String> scans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String orderId = orders.kingstonOrder("seller-2", placedAt);
            String tracking = "RP-" + UUID.randomUUID();
            String scan = "c-early-" + UUID.randomUUID();
            postCarrier(CARRIER, batch(carrierEvent(scan, tracking, "IN_TRANSIT", placedAt.plusSeconds(3600), "")))
                    .statusCode(202)
                    .body("parked", equalTo(1));
            orderIds.add(orderId);
            scans.add(scan);
            handOvers.add(centerEvent("h-" + UUID.randomUUID(), orderId, "HANDED_TO_CARRIER", placedAt.plusSeconds(1800),
                    ",\"carrier\":\"royal-parcel\",\"trackingNumber\":\"" + tracking + "\""));
        }

        postCenter(OrderFixtures.CENTER, batch(handOvers.toArray(String[]::new)))
                .statusCode(202)
                .body("accepted", equalTo(3))
                .body("parked", equalTo(0));

        // Applied in the batch's transaction: each scan on its own order, nothing left parked, each order IN_TRANSIT.
        for (int i = 0; i < 3; i++) {
            assertEquals(1, tables.count("tracking_event WHERE order_id = ?1 AND event_id = ?2", orderIds.get(i), scans.get(i)));
            assertEquals(1, tables.count("shipment WHERE order_id = ?1 AND status = 'IN_TRANSIT'", orderIds.get(i)));
            assertEquals(0, tables.count("kx_parked_event WHERE event_id LIKE ?1", "%" + scans.get(i)));
        }
    }

    /** order-service echoes a center's hand-over back as tracking-added: that changes nothing, not even the row. */
    @Test
    void theEchoOfAHandOversTrackingLeavesTheShipmentAsItWas() {
        String orderId = orders.kingstonOrder("seller-2", placedAt);
        String tracking = "RP-" + UUID.randomUUID();
        postCenter(OrderFixtures.CENTER, batch(centerEvent("h-" + UUID.randomUUID(), orderId, "HANDED_TO_CARRIER",
                placedAt.plusSeconds(1800), ",\"carrier\":\"royal-parcel\",\"trackingNumber\":\"" + tracking + "\"")))
                .statusCode(202).body("accepted", equalTo(1));
        long version = tables.number("version FROM shipment WHERE order_id = ?1", orderId);

        projection.trackingAdded(orderId, "royal-parcel", tracking);
        assertEquals(1, tables.count("shipment WHERE order_id = ?1 AND version = ?2", orderId, version));

        // The seller names the carrier their own way: shown as the seller wrote it, still the same claim.
        projection.trackingAdded(orderId, "Royal Parcel", tracking);
        assertEquals(1, tables.count("shipment WHERE order_id = ?1 AND version = ?2 AND carrier = 'Royal Parcel'", orderId,
                version + 1));
    }

    @Test
    void anotherCarriersTrackingNumberIsRejected() {
        String tracking = "SP-" + UUID.randomUUID();
        String orderId = UUID.randomUUID().toString();
        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, orderId,
                OrderFixtures.orderPlaced(orderId, "seller-2", "SELLER_MANAGED", null, placedAt));
        KafkaTopics.send(OrderFixtures.ORDERS_TOPIC, orderId,
                OrderFixtures.trackingAdded(orderId, "seller-2", "Swift Post", tracking));
        await().atMost(OrderFixtures.WAIT)
                .until(() -> tables.count("shipment WHERE tracking_number = ?1", tracking) == 1);
        postCarrier(CARRIER, batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "DELIVERED", placedAt.plusSeconds(60), "")))
                .statusCode(202)
                .body("rejected.reason", contains("tracking number belongs to another carrier"));
        assertEquals(0, tables.count("tracking_event WHERE order_id = ?1", orderId));
    }

    @Test
    void aCarriersRetryOfTheSameBytesGetsTheOriginalReceiptAndOtherBytesUnderItsSignatureAre401() {
        String tracking = "RP-" + UUID.randomUUID();
        String orderId = orders.sellerManagedOrder("seller-2", placedAt, tracking);
        String path = "/api/v1/carriers/" + CARRIER + "/tracking-events";
        String body = batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "IN_TRANSIT", placedAt.plusSeconds(3600), ""));
        String signature = WebhookSignature.sign(Webhooks.CARRIER_SECRET, Instant.now(), Webhooks.bytes(body));
        String first = Webhooks.post(path, body, signature).statusCode(202).body("accepted", equalTo(1)).extract().asString();
        long before = tables.everythingStored();

        Webhooks.post(path, body, signature).statusCode(202).body(equalTo(first));
        Webhooks.post(path, batch(carrierEvent("c-" + UUID.randomUUID(), tracking, "DELIVERED", placedAt.plusSeconds(7200), "")),
                signature).statusCode(401).contentType("application/problem+json");
        assertEquals(before, tables.everythingStored());
        assertEquals(1, tables.count("tracking_event WHERE order_id = ?1", orderId));
    }

    @Test
    void aCarrierSignedWithAnotherSendersSecretIs401() {
        String body = batch(carrierEvent("c-" + UUID.randomUUID(), "RP-1", "DELIVERED", placedAt, ""));
        Webhooks.post("/api/v1/carriers/" + CARRIER + "/tracking-events", body,
                WebhookSignature.sign(Webhooks.CENTER_SECRET, Instant.now(), Webhooks.bytes(body)))
                .statusCode(401);
        postCarrier(CARRIER, "{\"events\":[{\"eventId\":\"c-1\",\"type\":\"DELIVERED\",\"occurredAt\":\"" + placedAt + "\"}]}")
                .statusCode(400)
                .body("violations.field", contains("events[0].trackingNumber"));
    }
}
