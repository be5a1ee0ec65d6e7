package com.kingstonexpress.order.orders.domain;

import java.util.Optional;

/**
 * "Handling Order Issues Early": what the seller should watch for. Every flag except
 * {@link #CUSTOMER_AWAITING_REPLY} is also a {@link Condition} of the order.
 */
public enum AttentionFlag {
    ADDRESS_ISSUE, DELIVERY_ATTEMPT_FAILED, CUSTOMS_HOLD, STATUS_NOT_UPDATING, CUSTOMER_AWAITING_REPLY;

    public Optional<Condition> condition() {
        return this == CUSTOMER_AWAITING_REPLY ? Optional.empty() : Optional.of(Condition.valueOf(name()));
    }

    public static Optional<AttentionFlag> of(Condition condition) {
        return condition == Condition.PLATFORM_SLOWDOWN ? Optional.empty() : Optional.of(valueOf(condition.name()));
    }
}
