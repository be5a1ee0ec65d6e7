package com.kingstonexpress.messaging.order;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.kingstonexpress.messaging.support.OrderEvents;
import com.kingstonexpress.platform.testing.EventContracts;

/**
 * Consumer contract: the events messaging-service is tested with (src/test/resources/fixtures) match
 * their producers' schemas, read from order-service and fulfillment-service in this repository.
 */
class ConsumedEventsContractTest {

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({
            "order-service, order.placed.v1",
            "order-service, order.status-changed.v1",
            "order-service, order.cancelled.v1",
            "order-service, order.tracking-added.v1",
            "order-service, order.attention-raised.v1",
            "order-service, order.attention-cleared.v1",
            "fulfillment-service, platform.incident-declared.v1",
            "fulfillment-service, platform.incident-resolved.v1",
    })
    void ourFixturesMatchTheProducersSchema(String producer, String eventType) {
        String orderId = UUID.randomUUID().toString();
        String event = switch (eventType) {
            case "order.placed.v1" -> OrderEvents.placed(orderId, "seller-1", "customer-1", "KINGSTON_DISPATCHED", 1);
            case "order.status-changed.v1" -> OrderEvents.statusChanged(orderId, "seller-1", "SELLER_MANAGED", "NEW", "PROCESSING", 2);
            case "order.cancelled.v1" -> OrderEvents.cancelled(orderId, "seller-1", 3);
            case "order.tracking-added.v1" -> OrderEvents.trackingAdded(orderId, "seller-1", "royal-parcel", 4);
            case "order.attention-raised.v1" -> OrderEvents.attention(true, orderId, "seller-1", "KINGSTON_DISPATCHED", "CUSTOMS_HOLD", 5);
            case "order.attention-cleared.v1" -> OrderEvents.attention(false, orderId, "seller-1", "KINGSTON_DISPATCHED", "CUSTOMS_HOLD", 6);
            case "platform.incident-declared.v1" -> OrderEvents.incidentDeclared("incident-1", "Greater London", "Deliveries are slower.");
            case "platform.incident-resolved.v1" -> OrderEvents.incidentResolved("incident-1", "Greater London");
            default -> throw new IllegalArgumentException(eventType);
        };
        EventContracts.assertMatches(EventContracts.schemaOf(producer, eventType), event);
    }

    @Test
    void aSellerManagedOrderWithoutFulfillmentCenterMatchesToo() {
        String event = OrderEvents.placed(UUID.randomUUID().toString(), "seller-1", "customer-1", "SELLER_MANAGED", 1);
        EventContracts.assertMatches(EventContracts.schemaOf("order-service", "order.placed.v1"), event);
    }
}
