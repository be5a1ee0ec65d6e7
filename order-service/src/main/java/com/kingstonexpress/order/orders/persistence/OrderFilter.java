package com.kingstonexpress.order.orders.persistence;

import java.time.Instant;

import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;

/**
 * A seller's order list query. {@code createdFrom} is inclusive, {@code createdTo} exclusive; {@code after*}
 * is the keyset of the last order of the previous page (newest first).
 */
public record OrderFilter(String sellerId, OrderStatus status, OrderType type, AttentionFlag attention, Instant createdFrom,
        Instant createdTo, String text, Instant afterCreatedAt, String afterOrderId, int limit) {
}
