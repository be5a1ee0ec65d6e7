package com.kingstonexpress.support.order.domain;

/** Who fulfils the order: the first thing every decision looks at ("Check the order type first"). */
public enum OrderType {
    KINGSTON_DISPATCHED,
    SELLER_MANAGED
}
