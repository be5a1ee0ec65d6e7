package com.kingstonexpress.fulfillment.tracking.domain;

/** Who fulfils an order: a Kingston Express center, or the seller. */
public enum OrderType {
    KINGSTON_DISPATCHED, SELLER_MANAGED
}
