package com.kingstonexpress.fulfillment.tracking.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;

/** One event of a carrier's batch, keyed by tracking number (carriers do not know order ids). */
public record CarrierEventItem(
        @NotBlank @Size(max = EventLimits.ID) String eventId,
        @NotBlank @Size(max = EventLimits.ID) String trackingNumber,
        @NotBlank @Size(max = EventLimits.TYPE) String type,
        @NotNull OffsetDateTime occurredAt,
        @Size(max = EventLimits.TEXT) String location,
        @Size(max = EventLimits.TEXT) String proof,
        JsonNode details) implements EventItem {

    /** The carrier is the sender; the event names no order, only its tracking number. */
    @Override
    public ReceivedEvent received(String carrierCode) {
        return new ReceivedEvent(eventId, null, trackingNumber, carrierCode, type, occurredAt.toInstant(), location, proof,
                EventLimits.detailsJson(details));
    }
}
