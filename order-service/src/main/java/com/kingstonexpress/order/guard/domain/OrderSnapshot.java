package com.kingstonexpress.order.guard.domain;

import java.util.EnumSet;
import java.util.Set;

import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;

/**
 * What the guard needs to know about an order. {@code conditions} include {@link Condition#PLATFORM_SLOWDOWN}
 * when an active incident covers the order.
 */
public record OrderSnapshot(OrderType type, OrderStatus status, Set<Condition> conditions, ShippingMethod shippingMethod,
        boolean addressConfirmed, boolean hasTracking, boolean hasDeliveryEvidence) {

    public OrderSnapshot {
        conditions = conditions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(conditions));
    }

    public boolean has(Condition condition) {
        return conditions.contains(condition);
    }
}
