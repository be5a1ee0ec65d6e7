package com.kingstonexpress.messaging.draft.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.order.domain.OrderType;

/**
 * What messaging knows about an order when a customer asks about it: everything a draft reply may say,
 * and nothing it may not (no delivery date: nobody has one to give).
 *
 * @param latestUpdate       what happened last (a status, TRACKING_ADDED, an attention flag or FLAG_CLEARED), or null
 * @param slowdownNotes      what Kingston Express tells customers about each active slowdown covering the order
 * @param customerEscalating the customer's latest message shows escalation (threats, aggression, repeated chasing)
 */
public record OrderFacts(String orderId, OrderType type, OrderStatus status, String shippingMethod, String carrier,
        String trackingNumber, String latestUpdate, OffsetDateTime latestUpdateAt, Set<AttentionFlag> attention,
        List<String> slowdownNotes, boolean customerEscalating) {

    public OrderFacts {
        attention = Set.copyOf(attention);
        slowdownNotes = List.copyOf(slowdownNotes);
    }

    boolean dispatchedByKingston() {
        return type == OrderType.KINGSTON_DISPATCHED;
    }

    boolean has(AttentionFlag flag) {
        return attention.contains(flag);
    }
}
