package com.kingstonexpress.order.orders.api;

import java.util.Map;

import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;

/** The seller dashboard's counts: by status, by type, and orders needing attention by flag. */
public record SummaryView(long total, Map<OrderStatus, Long> byStatus, Map<OrderType, Long> byType,
        Map<AttentionFlag, Long> attention, long needingAttention) {
}
