package com.kingstonexpress.fulfillment.tracking.domain;

/** An order found by its tracking number, with the carrier recorded for that tracking number (may be null). */
public record TrackedOrder(OrderFacts order, String carrier) {
}
