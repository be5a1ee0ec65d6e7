package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kingstonexpress.fulfillment.tracking.domain.OrderFacts;
import com.kingstonexpress.fulfillment.tracking.domain.OrderType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An order as order-service announced it; written only by the kx.orders.v1 consumer. */
@Entity
@Table(name = "order_projection")
public class ProjectedOrder extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "seller_id", nullable = false)
    public String sellerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false)
    public OrderType orderType;
    @Column(name = "fulfillment_center_id")
    public String fulfillmentCenterId;
    public String country;
    public String region;
    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public OrderFacts facts() {
        return new OrderFacts(orderId, sellerId, orderType, fulfillmentCenterId, placedAt);
    }
}
