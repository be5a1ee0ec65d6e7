package com.kingstonexpress.order.orders.events;

import java.time.Instant;
import java.util.List;

import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;
import com.kingstonexpress.platform.events.EventType;

/**
 * What order-service publishes on {@code kx.orders.v1} (subject = order id), one record per event type; the
 * catalog is docs/design/EVENTS.md.
 */
public final class OrderEvents {

    public static final String TOPIC = "kx.orders.v1";
    private static final String PREFIX = "com.kingstonexpress.order.";

    private OrderEvents() {
    }

    /** Country and region only: the rest of the address is personal data no consumer needs (#12 L13). */
    public record Address(String country, String region) {
    }

    public record Line(String sku, String title, int quantity) {
    }

    @EventType(Placed.TYPE)
    public record Placed(String orderId, String sellerId, String customerId, OrderType type, OrderStatus status,
            String fulfillmentCenterId, ShippingMethod shippingMethod, Address deliveryAddress, List<Line> lines,
            Instant placedAt) {
        public static final String TYPE = PREFIX + "placed.v1";
    }

    @EventType(StatusChanged.TYPE)
    public record StatusChanged(String orderId, String sellerId, OrderType type, OrderStatus from, OrderStatus to,
            ActorKind actorKind, String actorId, String reason, String sourceEventId, Instant changedAt) {
        public static final String TYPE = PREFIX + "status-changed.v1";
    }

    @EventType(AddressConfirmed.TYPE)
    public record AddressConfirmed(String orderId, String sellerId, Instant confirmedAt) {
        public static final String TYPE = PREFIX + "address-confirmed.v1";
    }

    @EventType(TrackingAdded.TYPE)
    public record TrackingAdded(String orderId, String sellerId, String carrier, String trackingNumber) {
        public static final String TYPE = PREFIX + "tracking-added.v1";
    }

    @EventType(Cancelled.TYPE)
    public record Cancelled(String orderId, String sellerId, String reason, ActorKind actorKind, String actorId,
            Instant cancelledAt) {
        public static final String TYPE = PREFIX + "cancelled.v1";
    }

    @EventType(RefundRequested.TYPE)
    public record RefundRequested(String orderId, String sellerId, String reason, Instant requestedAt) {
        public static final String TYPE = PREFIX + "refund-requested.v1";
    }

    @EventType(ResendRequested.TYPE)
    public record ResendRequested(String orderId, String sellerId, String reason, Instant requestedAt) {
        public static final String TYPE = PREFIX + "resend-requested.v1";
    }

    @EventType(AttentionRaised.TYPE)
    public record AttentionRaised(String orderId, String sellerId, OrderType type, AttentionFlag flag, String advice,
            Instant at) {
        public static final String TYPE = PREFIX + "attention-raised.v1";
    }

    @EventType(AttentionCleared.TYPE)
    public record AttentionCleared(String orderId, String sellerId, OrderType type, AttentionFlag flag, String advice,
            Instant at) {
        public static final String TYPE = PREFIX + "attention-cleared.v1";
    }
}
