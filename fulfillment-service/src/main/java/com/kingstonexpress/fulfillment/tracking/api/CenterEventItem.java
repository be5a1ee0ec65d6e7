package com.kingstonexpress.fulfillment.tracking.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;

/** One event of a center's batch. {@code type} is checked per event: an unknown one is rejected, not malformed. */
public record CenterEventItem(
        @NotBlank @Size(max = EventLimits.ID) String eventId,
        @NotBlank @Size(max = EventLimits.ID) String orderId,
        @NotBlank @Size(max = EventLimits.TYPE) String type,
        @NotNull OffsetDateTime occurredAt,
        @Size(max = EventLimits.ID) String carrier,
        @Size(max = EventLimits.ID) String trackingNumber,
        @Size(max = EventLimits.TEXT) String location,
        @Size(max = EventLimits.TEXT) String proof,
        JsonNode details) implements EventItem {

    /** The center is the sender; the event names its order. */
    @Override
    public ReceivedEvent received(String centerId) {
        return new ReceivedEvent(eventId, orderId, trackingNumber, carrier, type, occurredAt.toInstant(), location, proof,
                EventLimits.detailsJson(details));
    }
}
