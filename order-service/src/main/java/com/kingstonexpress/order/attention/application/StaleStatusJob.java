package com.kingstonexpress.order.attention.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.order.attention.domain.StaleStatusRule;
import com.kingstonexpress.order.incidents.domain.Slowdown;
import com.kingstonexpress.order.incidents.persistence.Slowdowns;
import com.kingstonexpress.order.orders.application.OrderLifecycle;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.order.orders.persistence.OrderQueries;

import io.quarkus.scheduler.Scheduled;

/**
 * "Watch for ... status not updating": flags orders that sat in a status longer than its threshold, and
 * lifts the flag from orders an active slowdown now covers (a delay is expected there).
 */
@ApplicationScoped
public class StaleStatusJob {

    private static final Logger LOG = Logger.getLogger(StaleStatusJob.class);

    @Inject
    StaleStatusConfig config;
    @Inject
    Slowdowns slowdowns;
    @Inject
    OrderLifecycle lifecycle;
    @Inject
    OrderQueries queries;
    @Inject
    Clock clock;

    @Scheduled(identity = "stale-status", every = "${kx.stale.check-interval:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void scheduled() {
        check(clock.instant());
    }

    /** One pass at {@code now}; returns how many flags it raised and cleared. */
    @Transactional
    public int check(Instant now) {
        StaleStatusRule rule = new StaleStatusRule(thresholds());
        List<Slowdown> active = slowdowns.active(now);
        int changed = 0;
        for (OrderStatus status : OrderStatus.values()) {
            Duration threshold = rule.threshold(status).orElse(null);
            if (threshold == null) {
                continue;
            }
            for (OrderEntity order : queries.inStatusSince(status, now.minus(threshold), config.batchSize())) {
                if (!order.attention.containsKey(AttentionFlag.STATUS_NOT_UPDATING)
                        && rule.isStale(order.status, order.statusChangedAt, Slowdowns.covers(active, order, now), now)) {
                    lifecycle.raise(order, AttentionFlag.STATUS_NOT_UPDATING);
                    changed++;
                }
            }
        }
        if (!active.isEmpty()) {
            for (String orderId : queries.flagged(AttentionFlag.STATUS_NOT_UPDATING, config.batchSize())) {
                OrderEntity order = OrderEntity.findById(orderId);
                if (Slowdowns.covers(active, order, now)) {
                    lifecycle.clear(order, AttentionFlag.STATUS_NOT_UPDATING);
                    changed++;
                }
            }
        }
        if (changed > 0) {
            LOG.infof("stale-status check changed %d flag(s)", changed);
        }
        return changed;
    }

    private Map<OrderStatus, Duration> thresholds() {
        Map<OrderStatus, Duration> thresholds = new EnumMap<>(OrderStatus.class);
        config.thresholds().forEach((status, duration) -> thresholds.put(OrderStatus.valueOf(status), duration));
        return thresholds;
    }
}
