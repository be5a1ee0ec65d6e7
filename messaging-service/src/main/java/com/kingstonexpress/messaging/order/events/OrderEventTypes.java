package com.kingstonexpress.messaging.order.events;

/** The kx.orders.v1 event types messaging-service applies (all others on the topic are ignored). */
public final class OrderEventTypes {

    public static final String TOPIC = "kx.orders.v1";
    public static final String PLACED = "com.kingstonexpress.order.placed.v1";
    public static final String STATUS_CHANGED = "com.kingstonexpress.order.status-changed.v1";
    public static final String CANCELLED = "com.kingstonexpress.order.cancelled.v1";
    public static final String TRACKING_ADDED = "com.kingstonexpress.order.tracking-added.v1";
    public static final String ATTENTION_RAISED = "com.kingstonexpress.order.attention-raised.v1";
    public static final String ATTENTION_CLEARED = "com.kingstonexpress.order.attention-cleared.v1";

    private OrderEventTypes() {
    }
}
