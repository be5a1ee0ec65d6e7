package com.kingstonexpress.support.order.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.kingstonexpress.support.order.domain.ActorKind;
import com.kingstonexpress.support.order.domain.AttentionFlag;
import com.kingstonexpress.support.order.domain.OrderStatus;
import com.kingstonexpress.support.order.domain.OrderType;

/**
 * The {@code data} members of the order events this service reads (producers may add more; they are ignored), read
 * with {@code EventEnvelope.dataAs}: a required member missing or an unknown enum value makes the event poison.
 */
final class OrderEventData {

    private OrderEventData() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Placed(String orderId, @JsonProperty(required = true) String sellerId, @JsonProperty(required = true) OrderType type,
            @JsonProperty(required = true) OrderStatus status, String shippingMethod, Instant placedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusChanged(String orderId, @JsonProperty(required = true) String sellerId,
            @JsonProperty(required = true) OrderType type, OrderStatus from, @JsonProperty(required = true) OrderStatus to,
            @JsonProperty(required = true) ActorKind actorKind, String actorId, String reason, String sourceEventId,
            Instant changedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cancelled(String orderId, @JsonProperty(required = true) String sellerId, String reason, ActorKind actorKind,
            Instant cancelledAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attention(String orderId, @JsonProperty(required = true) String sellerId, OrderType type,
            @JsonProperty(required = true) AttentionFlag flag, String advice) {
    }
}
