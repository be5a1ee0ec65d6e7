package com.kingstonexpress.fulfillment.tracking.domain;

import java.time.Instant;

/**
 * One event as a center or carrier reported it, already well-formed (ids present, time parsed) but not yet
 * judged. {@code type} stays the raw name: an unknown type is a per-event rejection, not a malformed batch.
 * Center events carry {@code orderId}; carrier events carry {@code trackingNumber} instead.
 */
public record ReceivedEvent(String eventId, String orderId, String trackingNumber, String carrier, String type,
        Instant occurredAt, String location, String proof, String details) {
}
