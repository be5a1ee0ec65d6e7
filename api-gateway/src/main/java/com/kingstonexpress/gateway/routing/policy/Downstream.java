package com.kingstonexpress.gateway.routing.policy;

/** The services behind the gateway, named as they name themselves in problems, logs and health. */
public enum Downstream {
    ORDER("order-service"),
    FULFILLMENT("fulfillment-service"),
    MESSAGING("messaging-service"),
    SUPPORT("support-service"),
    NOTIFICATION("notification-service");

    private final String serviceName;

    Downstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
