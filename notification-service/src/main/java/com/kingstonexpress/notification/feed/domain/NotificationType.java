package com.kingstonexpress.notification.feed.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a seller can subscribe to, named for the seller ({@code message.received}), each fed by one event
 * type of the catalog (docs/design/EVENTS.md). Seller events reach their seller only (the {@code sellerId} of the
 * event's data); platform-wide events (incidents) reach every seller who asked for them.
 */
public enum NotificationType {
    ORDER_PLACED("order.placed", "com.kingstonexpress.order.placed.v1"),
    ORDER_STATUS_CHANGED("order.status-changed", "com.kingstonexpress.order.status-changed.v1"),
    ORDER_CANCELLED("order.cancelled", "com.kingstonexpress.order.cancelled.v1"),
    ORDER_ADDRESS_CONFIRMED("order.address-confirmed", "com.kingstonexpress.order.address-confirmed.v1"),
    ORDER_TRACKING_ADDED("order.tracking-added", "com.kingstonexpress.order.tracking-added.v1"),
    ORDER_REFUND_REQUESTED("order.refund-requested", "com.kingstonexpress.order.refund-requested.v1"),
    ORDER_RESEND_REQUESTED("order.resend-requested", "com.kingstonexpress.order.resend-requested.v1"),
    ORDER_ATTENTION_RAISED("order.attention-raised", "com.kingstonexpress.order.attention-raised.v1"),
    ORDER_ATTENTION_CLEARED("order.attention-cleared", "com.kingstonexpress.order.attention-cleared.v1"),
    MESSAGE_RECEIVED("message.received", "com.kingstonexpress.messaging.customer-message-received.v1"),
    MESSAGE_REPLIED("message.replied", "com.kingstonexpress.messaging.seller-replied.v1"),
    MESSAGE_ESCALATED("message.escalated", "com.kingstonexpress.messaging.escalation-detected.v1"),
    TICKET_OPENED("ticket.opened", "com.kingstonexpress.support.ticket-opened.v1"),
    TICKET_UPDATED("ticket.updated", "com.kingstonexpress.support.ticket-status-changed.v1"),
    INCIDENT_DECLARED("incident.declared", "com.kingstonexpress.platform.incident-declared.v1"),
    INCIDENT_RESOLVED("incident.resolved", "com.kingstonexpress.platform.incident-resolved.v1");

    private final String publicName;
    private final String eventType;

    NotificationType(String publicName, String eventType) {
        this.publicName = publicName;
        this.eventType = eventType;
    }

    /** The name sellers subscribe to and receive as {@code type}. */
    public String publicName() {
        return publicName;
    }

    /** "Platform-wide delivery slowdown": not one seller's, everyone's. */
    public boolean platformWide() {
        return this == INCIDENT_DECLARED || this == INCIDENT_RESOLVED;
    }

    public static Optional<NotificationType> ofEventType(String cloudEventType) {
        return Arrays.stream(values()).filter(t -> t.eventType.equals(cloudEventType)).findFirst();
    }

    public static Optional<NotificationType> ofPublicName(String name) {
        return Arrays.stream(values()).filter(t -> t.publicName.equals(name)).findFirst();
    }
}
