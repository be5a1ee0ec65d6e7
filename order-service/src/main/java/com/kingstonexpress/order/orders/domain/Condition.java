package com.kingstonexpress.order.orders.domain;

/** Exceptions are conditions on an order, not statuses. */
public enum Condition {
    CUSTOMS_HOLD, DELIVERY_ATTEMPT_FAILED, ADDRESS_ISSUE, STATUS_NOT_UPDATING,
    /** An active platform-wide delivery slowdown covers the order (derived from incidents, never stored). */
    PLATFORM_SLOWDOWN
}
