package com.kingstonexpress.fulfillment.tracking.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.fulfillment.tracking.domain.OrderType;
import com.kingstonexpress.fulfillment.tracking.persistence.OrderProjection;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Learns orders and their tracking from order-service ({@code kx.orders.v1}): which center an order is
 * assigned to, whether it is seller-managed, when it was placed, and the tracking numbers carriers report by.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "fulfillment-service.orders";
    static final String ORDER_PLACED = "com.kingstonexpress.order.placed.v1";
    static final String TRACKING_ADDED = "com.kingstonexpress.order.tracking-added.v1";

    @Inject
    InboundEvents inbound;
    @Inject
    OrderProjection orders;

    /** Ordered per partition (one order's events stay in order): placed is applied before its tracking. */
    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String record) {
        inbound.handle(CONSUMER, record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case ORDER_PLACED -> placed(event.subject(), event.data());
            case TRACKING_ADDED -> orders.trackingAdded(event.subject(), optionalText(event.data(), "carrier"),
                    requiredText(event.data(), "trackingNumber"));
            default -> {
                // other order events change nothing this service needs
            }
        }
    }

    private void placed(String orderId, JsonNode data) {
        OrderType type;
        try {
            type = OrderType.valueOf(requiredText(data, "type"));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("order.placed has an unknown order type " + data.get("type"));
        }
        String centerId = optionalText(data, "fulfillmentCenterId");
        if (type == OrderType.KINGSTON_DISPATCHED && centerId == null) {
            throw new PoisonEventException("a Kingston-dispatched order.placed names no fulfillmentCenterId");
        }
        JsonNode address = data.path("deliveryAddress");
        orders.placed(orderId, requiredText(data, "sellerId"), type, centerId, optionalText(address, "country"),
                optionalText(address, "region"), instant(requiredText(data, "placedAt")));
    }

    private static String requiredText(JsonNode data, String field) {
        String value = optionalText(data, field);
        if (value == null) {
            throw new PoisonEventException("data." + field + " is required");
        }
        return value;
    }

    private static String optionalText(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("not an ISO-8601 time: " + text);
        }
    }
}
