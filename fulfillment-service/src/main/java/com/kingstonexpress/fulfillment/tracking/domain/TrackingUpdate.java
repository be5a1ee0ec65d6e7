package com.kingstonexpress.fulfillment.tracking.domain;

import java.time.Instant;

/** An admitted event, as the normalizer sees it. Carrier and tracking number are null when the event has none. */
public record TrackingUpdate(String eventId, FulfillmentEventType type, Instant occurredAt, String carrier,
        String trackingNumber) {
}
