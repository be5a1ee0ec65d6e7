package com.kingstonexpress.support.order.domain;

public enum ActorKind {
    SELLER,
    FULFILLMENT_CENTER,
    CARRIER,
    CUSTOMER,
    SUPPORT_AGENT,
    SYSTEM
}
