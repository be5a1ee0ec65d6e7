package com.kingstonexpress.order.orders.domain;

public enum ShippingMethod {
    STANDARD, EXPRESS, INTERNATIONAL,
    /** The seller delivers in person: no carrier, so no tracking number is required to ship. */
    LOCAL_DELIVERY
}
