package com.kingstonexpress.messaging.order.domain;

public enum OrderStatus {
    NEW,
    PROCESSING,
    SHIPPED,
    IN_TRANSIT,
    DELIVERED,
    CANCELLED
}
