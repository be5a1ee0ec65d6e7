package com.kingstonexpress.messaging.order.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.order.domain.OrderType;

/**
 * The parts of kx.orders.v1 data messaging reads (its own copies: order-service owns the full shape). Read with
 * {@code EventEnvelope.dataAs}: a missing required field or an unknown enum value makes the event poison.
 */
final class OrderEventData {

    private OrderEventData() {
    }

    /** order.placed.v1: who the order belongs to, its type and status, and what a reply draft may say about delivery. */
    record Placed(@JsonProperty(required = true) String orderId, @JsonProperty(required = true) String sellerId,
            @JsonProperty(required = true) String customerId, @JsonProperty(required = true) OrderType type,
            @JsonProperty(required = true) OrderStatus status, Address deliveryAddress, String shippingMethod) {

        Placed {
            requireText(orderId, "orderId");
            requireText(sellerId, "sellerId");
            requireText(customerId, "customerId");
            if (type == null || status == null) {
                throw new IllegalArgumentException("data.type and data.status are required");
            }
        }

        String country() {
            return deliveryAddress == null ? null : deliveryAddress.country();
        }

        String region() {
            return deliveryAddress == null ? null : deliveryAddress.region();
        }
    }

    record Address(String country, String region) {
    }

    /** order.status-changed.v1: the status reached. */
    record StatusChanged(@JsonProperty(required = true) OrderStatus to) {

        StatusChanged {
            if (to == null) {
                throw new IllegalArgumentException("data.to is required");
            }
        }
    }

    /** order.tracking-added.v1. */
    record TrackingAdded(String carrier, String trackingNumber) {
    }

    /** order.attention-raised.v1 and order.attention-cleared.v1: the condition raised or cleared. */
    record Attention(@JsonProperty(required = true) AttentionFlag flag) {

        Attention {
            if (flag == null) {
                throw new IllegalArgumentException("data.flag is required");
            }
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("data." + field + " is required");
        }
    }
}
