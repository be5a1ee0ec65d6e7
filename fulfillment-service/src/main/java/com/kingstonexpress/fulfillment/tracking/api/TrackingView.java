package com.kingstonexpress.fulfillment.tracking.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.fulfillment.tracking.domain.OrderType;
import com.kingstonexpress.fulfillment.tracking.domain.Rejection;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentCondition;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentStatus;
import com.kingstonexpress.fulfillment.tracking.domain.SourceKind;

/** {@code GET /api/v1/orders/{orderId}/tracking}: the order's shipments and their timelines, late events included and marked. */
public record TrackingView(String orderId, OrderType orderType, String fulfillmentCenterId, Destination destination,
        List<ShipmentView> shipments, @JsonInclude(JsonInclude.Include.NON_NULL) List<RejectedEntry> rejectedEvents) {

    public record Destination(String country, String region) {
    }

    /** The normalized status and active conditions, and every accepted event oldest first (by occurredAt). */
    public record ShipmentView(String carrier, String trackingNumber, ShipmentStatus status,
            List<ShipmentCondition> conditions, Instant lastEventAt, List<TimelineEntry> timeline) {
    }

    /** An event refused for this order (kept for audit, never applied); shown to support agents only. */
    public record RejectedEntry(String eventId, SourceKind source, String sourceId, String type, Instant occurredAt,
            Instant receivedAt, String reason, Rejection code) {
    }

    /** {@code late}: it occurred before an event already applied when it arrived; kept, but it moved nothing backwards. */
    public record TimelineEntry(String eventId, SourceKind source, String sourceId, String type, Instant occurredAt,
            Instant receivedAt, boolean late, String carrier, String trackingNumber, String location, String proof,
            JsonNode details) {
    }
}
