package com.kingstonexpress.fulfillment.tracking.domain;

import java.time.Instant;

/** What this service knows about an order from order-service's events: enough to judge incoming reports. */
public record OrderFacts(String orderId, String sellerId, OrderType type, String fulfillmentCenterId, Instant placedAt) {
}
