package com.kingstonexpress.fulfillment.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.fulfillment.support.OrderFixtures;
import com.kingstonexpress.platform.testing.EventContracts;

/**
 * Consumer side: the fixtures every test drives this service with match what this service relies on
 * ({@code src/test/resources/expected-schemas}, written from the brief's contract) and, once order-service has
 * checked its schemas in, what order-service promises; the center-event fixture matches the contract this
 * service publishes for centers.
 */
class OrderEventsContractTest {

    private static final String ORDER_ID = UUID.randomUUID().toString();
    private static final Instant PLACED = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    void orderPlacedFixturesMatch() {
        matches("order.placed.v1", OrderFixtures.orderPlaced(ORDER_ID, "seller-1", "KINGSTON_DISPATCHED", "center-london-1", PLACED));
        matches("order.placed.v1", OrderFixtures.orderPlaced(ORDER_ID, "seller-1", "SELLER_MANAGED", null, PLACED));
    }

    @Test
    void orderTrackingAddedFixturesMatch() {
        matches("order.tracking-added.v1", OrderFixtures.trackingAdded(ORDER_ID, "seller-1", "Royal Parcel", "RP123"));
    }

    @Test
    void centerEventFixturesMatchTheContractForCenters() {
        EventContracts.assertMatches(EventContracts.schemaOf("fulfillment-service", "fulfillment.center-event.v1"),
                CenterEventTopicTest.centerEventRecord("center-london-1", "e-1", ORDER_ID, "PICKED", PLACED));
    }

    private static void matches(String eventType, String fixture) {
        EventContracts.assertMatches(Path.of("src/test/resources/expected-schemas", eventType + ".json"), fixture);
        Path producers = Path.of("..", "order-service", "src/main/resources/event-schemas", eventType + ".json");
        if (Files.exists(producers)) {
            EventContracts.assertMatches(EventContracts.schemaOf("order-service", eventType), fixture);
        }
    }
}
