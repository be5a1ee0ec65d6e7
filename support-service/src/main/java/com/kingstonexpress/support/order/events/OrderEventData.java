package com.kingstonexpress.support.order.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.kingstonexpress.support.order.domain.ActorKind;
import com.kingstonexpress.support.order.domain.AttentionFlag;
import com.kingstonexpress.support.order.domain.OrderStatus;
import com.kingstonexpress.support.order.domain.OrderType;

/** The {@code data} members of the order events this service reads (producers may add more; they are ignored). */
final class OrderEventData {

    private OrderEventData() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Placed(String orderId, String sellerId, OrderType type, OrderStatus status, String shippingMethod, Instant placedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusChanged(String orderId, String sellerId, OrderType type, OrderStatus from, OrderStatus to,
            ActorKind actorKind, String actorId, String reason, String sourceEventId, Instant changedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cancelled(String orderId, String sellerId, String reason, ActorKind actorKind, Instant cancelledAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attention(String orderId, String sellerId, OrderType type, AttentionFlag flag, String advice) {
    }
}
