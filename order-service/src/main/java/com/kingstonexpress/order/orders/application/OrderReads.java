package com.kingstonexpress.order.orders.application;

import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.platform.problem.ProblemException;

/** Loading an order for a caller: a seller sees its own orders only, anything else is "not found". */
public final class OrderReads {

    private OrderReads() {
    }

    public static OrderEntity existing(String orderId) {
        OrderEntity order = OrderEntity.findWithDetails(orderId);
        if (order == null) {
            throw ProblemException.notFound("Order", orderId);
        }
        return order;
    }

    public static OrderEntity ownedBy(String orderId, String sellerId) {
        OrderEntity order = OrderEntity.findWithDetails(orderId);
        if (order == null || !order.sellerId.equals(sellerId)) {
            throw ProblemException.notFound("Order", orderId);
        }
        return order;
    }

    /** The caller changes the order it saw, or none: {@code null} accepts any version. */
    public static void requireVersion(OrderEntity order, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != order.version) {
            throw ProblemException.preconditionFailed("The order changed since you loaded it (now version " + order.version
                    + "). Reload it and try again.").with("currentVersion", order.version);
        }
    }
}
