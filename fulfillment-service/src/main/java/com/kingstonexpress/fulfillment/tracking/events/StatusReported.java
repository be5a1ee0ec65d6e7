package com.kingstonexpress.fulfillment.tracking.events;

import java.time.Instant;
import java.util.List;

import com.kingstonexpress.fulfillment.tracking.domain.FulfillmentEventType;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentCondition;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentStatus;
import com.kingstonexpress.fulfillment.tracking.domain.SourceKind;

/**
 * {@code fulfillment.status-reported.v1} on {@code kx.fulfillment.status.v1} (subject = orderId): one per
 * accepted event that advanced the shipment's status, switched a condition or taught it its tracking.
 * The contract fields come first; {@code status} and {@code conditions} (the shipment's normalized state
 * after the event) are additions.
 */
public record StatusReported(String orderId, SourceKind source, String sourceId, String sourceEventId,
        FulfillmentEventType eventType, Instant occurredAt, boolean late, String carrier, String trackingNumber,
        String proof, String location, ShipmentStatus status, List<ShipmentCondition> conditions) {

    public static final String TOPIC = "kx.fulfillment.status.v1";
    public static final String TYPE = "com.kingstonexpress.fulfillment.status-reported.v1";
}
