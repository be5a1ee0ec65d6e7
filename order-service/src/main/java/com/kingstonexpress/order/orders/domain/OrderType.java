package com.kingstonexpress.order.orders.domain;

/** How an order is fulfilled: "Check the order type first, then act accordingly." */
public enum OrderType {
    /** A Kingston Express dispatchment center picks, packs and ships; the seller is hands-off. */
    KINGSTON_DISPATCHED,
    /** The seller stores, packs and ships, and moves the order forward step by step. */
    SELLER_MANAGED
}
