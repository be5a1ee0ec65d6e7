package com.kingstonexpress.order.orders.application;

import com.kingstonexpress.order.orders.domain.OrderStatus;

/** A support agent's audited correction of an order's status; {@code expectedVersion} may be null (any). */
public record CorrectStatusCommand(String orderId, OrderStatus target, String reason, Long expectedVersion, String agentId) {
}
