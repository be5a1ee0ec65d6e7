package com.kingstonexpress.support.order.domain;

import java.util.List;
import java.util.Set;

/**
 * What support-service knows about an order from {@code kx.orders.v1}: enough to check a ticket's order
 * belongs to the seller, to pick the advice for it, and to snapshot its timeline.
 *
 * @param type     null while only order.cancelled has been seen
 * @param status   null while only events without a status (e.g. attention) have arrived
 * @param placed   false for a partial row built from events that overtook {@code order.placed}
 * @param timeline status changes ordered by sequence
 */
public record OrderFacts(String orderId, String sellerId, OrderType type, OrderStatus status, boolean placed,
        Set<AttentionFlag> attention, List<StatusChange> timeline) {

    public OrderFacts {
        attention = Set.copyOf(attention);
        timeline = List.copyOf(timeline);
    }

    public boolean isKingstonDispatched() {
        return type == OrderType.KINGSTON_DISPATCHED;
    }

    public boolean has(AttentionFlag flag) {
        return attention.contains(flag);
    }
}
