package com.kingstonexpress.order.orders.domain;

/** Who changed something on an order; recorded in every history entry. */
public enum ActorKind {
    SELLER, FULFILLMENT_CENTER, CARRIER, CUSTOMER, SUPPORT_AGENT, SYSTEM
}
