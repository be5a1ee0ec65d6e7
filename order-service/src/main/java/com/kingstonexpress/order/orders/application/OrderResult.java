package com.kingstonexpress.order.orders.application;

import com.kingstonexpress.order.orders.persistence.OrderEntity;

/** An order as a use case left it, and whether an active platform-wide slowdown covers it (a shown condition). */
public record OrderResult(OrderEntity order, boolean coveredBySlowdown) {
}
