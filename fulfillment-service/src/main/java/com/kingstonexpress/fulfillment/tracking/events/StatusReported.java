package com.kingstonexpress.fulfillment.tracking.events;

import java.time.Instant;
import java.util.List;

import com.kingstonexpress.fulfillment.tracking.domain.FulfillmentEventType;
import com.kingstonexpress.fulfillment.tracking.domain.Normalized;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentCondition;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentState;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentStatus;
import com.kingstonexpress.fulfillment.tracking.domain.SourceKind;
import com.kingstonexpress.fulfillment.tracking.domain.TrackingUpdate;
import com.kingstonexpress.platform.events.EventType;

/**
 * {@code fulfillment.status-reported.v1} on {@code kx.fulfillment.status.v1} (subject = orderId): one per
 * accepted event that advanced the shipment's status, switched a condition or taught it its tracking.
 * The contract fields come first; {@code status} and {@code conditions} (the shipment's normalized state
 * after the event) are additions.
 */
@EventType(StatusReported.TYPE)
public record StatusReported(String orderId, SourceKind source, String sourceId, String sourceEventId,
        FulfillmentEventType eventType, Instant occurredAt, boolean late, String carrier, String trackingNumber,
        String proof, String location, ShipmentStatus status, List<ShipmentCondition> conditions) {

    public static final String TOPIC = "kx.fulfillment.status.v1";
    public static final String TYPE = "com.kingstonexpress.fulfillment.status-reported.v1";

    /** The report of an accepted event: its carrier and tracking, or else the shipment's as they now stand. */
    public static StatusReported of(String orderId, Sender sender, ReceivedEvent event, TrackingUpdate update,
            Normalized normalized) {
        ShipmentState after = normalized.after();
        return new StatusReported(orderId, sender.kind(), sender.id(), event.eventId(), update.type(), event.occurredAt(),
                normalized.late(), update.carrier() != null ? update.carrier() : after.carrier(),
                update.trackingNumber() != null ? update.trackingNumber() : after.trackingNumber(),
                event.proof(), event.location(), after.status(), List.copyOf(after.activeConditions()));
    }
}
