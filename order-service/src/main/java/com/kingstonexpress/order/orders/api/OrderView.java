package com.kingstonexpress.order.orders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.kingstonexpress.order.orders.application.OrderResult;
import com.kingstonexpress.order.orders.domain.AttentionAdvice;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.EvidenceKind;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;
import com.kingstonexpress.order.orders.persistence.OrderEntity;

/** An order as the API shows it (docs/design/API.md, Orders). */
public record OrderView(String orderId, String sellerId, String customerId, String customerName, OrderType type,
        OrderStatus status, String fulfillmentCenterId, List<Line> lines, Address deliveryAddress,
        ShippingMethod shippingMethod, String notes, Tracking tracking, boolean addressConfirmed, Instant addressConfirmedAt,
        List<Evidence> deliveryEvidence, Set<Condition> conditions, List<Attention> attention, long version,
        Instant createdAt, Instant updatedAt, Instant statusChangedAt) {

    public record Line(String sku, String title, int quantity, Money unitPrice) {
    }

    public record Money(BigDecimal amount, String currency) {
    }

    public record Address(String name, String line1, String line2, String city, String region, String postalCode,
            String country, String phone) {
    }

    public record Tracking(String carrier, String trackingNumber) {
    }

    public record Evidence(EvidenceKind kind, String reference, Instant at) {
    }

    /** A flag with the recommended action for this order's type. */
    public record Attention(AttentionFlag flag, String advice, Instant raisedAt) {
    }

    public static OrderView of(OrderResult result) {
        return of(result.order(), result.coveredBySlowdown());
    }

    public static OrderView of(OrderEntity o, boolean coveredBySlowdown) {
        var a = o.deliveryAddress;
        return new OrderView(o.id, o.sellerId, o.customerId, o.customerName, o.type, o.status, o.fulfillmentCenterId,
                o.lines.stream().map(l -> new Line(l.sku, l.title, l.quantity, new Money(l.unitAmount, l.currency))).toList(),
                new Address(a.name, a.line1, a.line2, a.city, a.region, a.postalCode, a.country, a.phone),
                o.shippingMethod, o.notes, o.hasTracking() ? new Tracking(o.trackingCarrier, o.trackingNumber) : null,
                o.addressConfirmed(), o.addressConfirmedAt,
                o.evidence.stream().map(e -> new Evidence(e.kind, e.reference, e.at)).toList(),
                o.conditions(coveredBySlowdown),
                o.attention.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Attention(e.getKey(), AttentionAdvice.of(o.type, e.getKey()), e.getValue())).toList(),
                o.version, o.createdAt, o.updatedAt, o.statusChangedAt);
    }
}
