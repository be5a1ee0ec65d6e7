package com.kingstonexpress.messaging.order.domain;

/** How an order is fulfilled; a seller reads every customer message in this light. */
public enum OrderType {
    KINGSTON_DISPATCHED,
    SELLER_MANAGED
}
