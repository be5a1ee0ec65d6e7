package com.kingstonexpress.support.order.domain;

/** What order-service raises on an order that needs a look ("Handling Order Issues Early"). */
public enum AttentionFlag {
    ADDRESS_ISSUE,
    DELIVERY_ATTEMPT_FAILED,
    CUSTOMS_HOLD,
    STATUS_NOT_UPDATING,
    CUSTOMER_AWAITING_REPLY
}
