package com.kingstonexpress.order.attention.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.kingstonexpress.order.orders.domain.OrderStatus;

class StaleStatusRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final StaleStatusRule RULE = new StaleStatusRule(Map.of(OrderStatus.PROCESSING, Duration.ofHours(48),
            OrderStatus.DELIVERED, Duration.ofHours(1)));

    @Test
    void staleOnlyPastTheStatusThreshold() {
        assertTrue(RULE.isStale(OrderStatus.PROCESSING, NOW.minus(Duration.ofHours(49)), false, NOW));
        assertFalse(RULE.isStale(OrderStatus.PROCESSING, NOW.minus(Duration.ofHours(47)), false, NOW));
    }

    @Test
    void aSlowdownSuppressesTheFlag() {
        assertFalse(RULE.isStale(OrderStatus.PROCESSING, NOW.minus(Duration.ofDays(10)), true, NOW));
    }

    @Test
    void finalStatusesAndStatusesWithoutThresholdNeverGoStale() {
        assertFalse(RULE.isStale(OrderStatus.DELIVERED, NOW.minus(Duration.ofDays(10)), false, NOW));
        assertFalse(RULE.isStale(OrderStatus.SHIPPED, NOW.minus(Duration.ofDays(10)), false, NOW));
    }
}
