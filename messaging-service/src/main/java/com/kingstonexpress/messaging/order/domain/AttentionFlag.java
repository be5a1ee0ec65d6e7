package com.kingstonexpress.messaging.order.domain;

/** Conditions order-service raises on an order (order.attention-raised), as it names them. */
public enum AttentionFlag {
    ADDRESS_ISSUE,
    DELIVERY_ATTEMPT_FAILED,
    CUSTOMS_HOLD,
    STATUS_NOT_UPDATING,
    CUSTOMER_AWAITING_REPLY
}
