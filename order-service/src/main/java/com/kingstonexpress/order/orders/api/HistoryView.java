package com.kingstonexpress.order.orders.api;

import java.time.Instant;
import java.util.List;

import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.OrderStatus;

/** The status timeline, oldest first. */
public record HistoryView(String orderId, List<Item> items) {

    public record Item(OrderStatus from, OrderStatus to, ActorKind actorKind, String actorId, String reason,
            String eventId, String sourceEventId, Instant at) {
    }
}
