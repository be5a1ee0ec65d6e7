package com.kingstonexpress.messaging.order.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

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
}
