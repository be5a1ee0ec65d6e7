package com.kingstonexpress.fulfillment.tracking.events;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;

/**
 * {@code fulfillment.center-event.v1} data, as centers publish it on {@code kx.fulfillment.center-events.v1}
 * (subject = orderId). The same fields as a webhook batch item, plus the reporting {@code centerId}.
 */
public record CenterEvent(
        @NotBlank @Size(max = 100) String centerId,
        @NotBlank @Size(max = 100) String eventId,
        @NotBlank @Size(max = 100) String orderId,
        @NotBlank @Size(max = 50) String type,
        @NotNull OffsetDateTime occurredAt,
        @Size(max = 100) String carrier,
        @Size(max = 100) String trackingNumber,
        @Size(max = 500) String location,
        @Size(max = 500) String proof,
        JsonNode details) {

    public static final String TOPIC = "kx.fulfillment.center-events.v1";
    public static final String TYPE = "com.kingstonexpress.fulfillment.center-event.v1";

    ReceivedEvent received() {
        return new ReceivedEvent(eventId, orderId, trackingNumber, carrier, type, occurredAt.toInstant(), location, proof,
                details == null || details.isNull() ? null : details.toString());
    }
}
