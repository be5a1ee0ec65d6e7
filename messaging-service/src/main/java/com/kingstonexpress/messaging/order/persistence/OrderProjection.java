package com.kingstonexpress.messaging.order.persistence;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.order.domain.OrderType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** messaging-service's own view of an order, kept from kx.orders.v1. */
@Entity
@Table(name = "order_projection")
public class OrderProjection extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "seller_id", nullable = false)
    public String sellerId;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false)
    public OrderType type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;
    public String country;
    public String region;
    public String carrier;
    @Column(name = "shipping_method")
    public String shippingMethod;
    @Column(name = "tracking_number")
    public String trackingNumber;
    /** What happened last: a status (SHIPPED), TRACKING_ADDED, or an attention flag raised (CUSTOMS_HOLD) or cleared (CUSTOMS_HOLD_CLEARED). */
    @Column(name = "latest_update")
    public String latestUpdate;
    @Column(name = "latest_update_at")
    public OffsetDateTime latestUpdateAt;
    @Column(name = "attention_flags", nullable = false)
    String attentionFlags = "";
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public Set<AttentionFlag> attention() {
        Set<AttentionFlag> flags = EnumSet.noneOf(AttentionFlag.class);
        for (String flag : attentionFlags.split(",")) {
            if (!flag.isBlank()) {
                flags.add(AttentionFlag.valueOf(flag));
            }
        }
        return flags;
    }

    public void attention(Set<AttentionFlag> flags) {
        attentionFlags = flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public void updated(String what, OffsetDateTime at) {
        latestUpdate = what;
        latestUpdateAt = at;
        updatedAt = at;
    }

    /**
     * An event applies only if it is newer than the last one applied (the sequence is per order and
     * increasing); an event without a sequence applies in arrival order.
     */
    public boolean acceptsSequence(Long sequence) {
        if (sequence == null) {
            return true;
        }
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    /**
     * The projections of these orders (those that exist), in one query. The ids are bound as a list:
     * Panache's and JPA's {@code setParameter} first try a collection as one value and catch Hibernate's exception.
     */
    public static List<OrderProjection> withIds(Collection<String> orderIds) {
        return getSession().createSelectionQuery("FROM OrderProjection WHERE orderId IN :ids", OrderProjection.class)
                .setParameterList("ids", orderIds).getResultList();
    }
}
