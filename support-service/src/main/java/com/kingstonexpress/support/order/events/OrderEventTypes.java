package com.kingstonexpress.support.order.events;

import java.util.Set;

/** The {@code kx.orders.v1} event types this service applies; any other type on the topic is ignored. */
public final class OrderEventTypes {

    public static final String TOPIC = "kx.orders.v1";
    public static final String PLACED = "com.kingstonexpress.order.placed.v1";
    public static final String STATUS_CHANGED = "com.kingstonexpress.order.status-changed.v1";
    public static final String CANCELLED = "com.kingstonexpress.order.cancelled.v1";
    public static final String ATTENTION_RAISED = "com.kingstonexpress.order.attention-raised.v1";
    public static final String ATTENTION_CLEARED = "com.kingstonexpress.order.attention-cleared.v1";

    /** The types this service applies. */
    static final Set<String> PROJECTED = Set.of(PLACED, STATUS_CHANGED, CANCELLED, ATTENTION_RAISED, ATTENTION_CLEARED);

    private OrderEventTypes() {
    }
}
