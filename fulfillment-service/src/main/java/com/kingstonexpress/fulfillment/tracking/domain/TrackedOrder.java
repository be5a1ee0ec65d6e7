package com.kingstonexpress.fulfillment.tracking.domain;

import java.time.Instant;

/**
 * One order's claim on a tracking number: the order, the carrier its shipment names for the number (may be null),
 * when this service learned the claim, and whether that parcel was delivered (then {@code newestOccurredAt} is the
 * newest scan applied to it: anything that happened until then belongs to that parcel, not a later claimant's).
 */
public record TrackedOrder(OrderFacts order, String carrier, Instant claimedAt, boolean delivered, Instant newestOccurredAt) {
}
