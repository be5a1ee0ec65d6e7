package com.kingstonexpress.messaging.conversation.api;

import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.order.domain.OrderType;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;

/** The order beside a conversation: its type decides what the seller may do, its status what to say. */
public record OrderContext(String orderId, OrderType type, OrderStatus status) {

    static OrderContext of(OrderProjection o) {
        return new OrderContext(o.orderId, o.type, o.status);
    }
}
