package com.kingstonexpress.order.orders.events;

import java.time.Instant;
import java.util.List;

import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;

/** What order-service publishes on {@code kx.orders.v1} (subject = order id); the catalog is EVENTS.md. */
public final class OrderEvents {

    public static final String TOPIC = "kx.orders.v1";
    private static final String PREFIX = "com.kingstonexpress.order.";
    public static final String PLACED = PREFIX + "placed.v1";
    public static final String STATUS_CHANGED = PREFIX + "status-changed.v1";
    public static final String ADDRESS_CONFIRMED = PREFIX + "address-confirmed.v1";
    public static final String TRACKING_ADDED = PREFIX + "tracking-added.v1";
    public static final String CANCELLED = PREFIX + "cancelled.v1";
    public static final String REFUND_REQUESTED = PREFIX + "refund-requested.v1";
    public static final String RESEND_REQUESTED = PREFIX + "resend-requested.v1";
    public static final String ATTENTION_RAISED = PREFIX + "attention-raised.v1";
    public static final String ATTENTION_CLEARED = PREFIX + "attention-cleared.v1";

    private OrderEvents() {
    }

    public record Address(String country, String region, String city, String postalCode) {
    }

    public record Line(String sku, String title, int quantity) {
    }

    public record Placed(String orderId, String sellerId, String customerId, OrderType type, OrderStatus status,
            String fulfillmentCenterId, ShippingMethod shippingMethod, Address deliveryAddress, List<Line> lines,
            Instant placedAt) {
    }

    public record StatusChanged(String orderId, String sellerId, OrderType type, OrderStatus from, OrderStatus to,
            ActorKind actorKind, String actorId, String reason, String sourceEventId, Instant changedAt) {
    }

    public record AddressConfirmed(String orderId, String sellerId, Instant confirmedAt) {
    }

    public record TrackingAdded(String orderId, String sellerId, String carrier, String trackingNumber) {
    }

    public record Cancelled(String orderId, String sellerId, String reason, ActorKind actorKind, String actorId,
            Instant cancelledAt) {
    }

    /** {@code order.refund-requested} and {@code order.resend-requested}. */
    public record RemedyRequested(String orderId, String sellerId, String reason, Instant requestedAt) {
    }

    /** {@code order.attention-raised} and {@code order.attention-cleared}. */
    public record AttentionChanged(String orderId, String sellerId, OrderType type, AttentionFlag flag, String advice,
            Instant at) {
    }
}
