package com.kingstonexpress.order.attention.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.kingstonexpress.order.orders.domain.OrderStatus;

/**
 * "Watch for ... status not updating": an order is stale when it has stayed in a non-final status longer
 * than that status's threshold. An active slowdown suppresses the flag: a delay is then expected.
 */
public final class StaleStatusRule {

    private final Map<OrderStatus, Duration> thresholds;

    public StaleStatusRule(Map<OrderStatus, Duration> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
    }

    public Optional<Duration> threshold(OrderStatus status) {
        return status.isTerminal() ? Optional.empty() : Optional.ofNullable(thresholds.get(status));
    }

    public boolean isStale(OrderStatus status, Instant statusChangedAt, boolean coveredBySlowdown, Instant now) {
        if (coveredBySlowdown) {
            return false;
        }
        return threshold(status).map(t -> statusChangedAt.plus(t).isBefore(now)).orElse(false);
    }
}
