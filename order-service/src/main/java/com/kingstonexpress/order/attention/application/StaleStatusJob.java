package com.kingstonexpress.order.attention.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.kingstonexpress.order.attention.domain.StaleStatusRule;
import com.kingstonexpress.order.incidents.domain.Slowdown;
import com.kingstonexpress.order.incidents.persistence.Slowdowns;
import com.kingstonexpress.order.orders.application.OrderLifecycle;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.order.orders.persistence.OrderQueries;

import com.kingstonexpress.platform.persistence.AdvisoryLocks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * "Watch for ... status not updating": flags orders that sat in a status longer than its threshold, and
 * lifts the flag from orders an active slowdown now covers (a delay is expected there).
 */
@ApplicationScoped
public class StaleStatusJob {

    private static final Logger LOG = Logger.getLogger(StaleStatusJob.class);
    private static final String LOCK = "order-service.stale-status";

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
    @Inject
    AdvisoryLocks locks;

    @Scheduled(identity = "stale-status", every = "${kx.stale.check-interval:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check(clock.instant());
    }

    /**
     * One pass at {@code now}, unless another instance is running one: flags every stale order (in batches of
     * {@code kx.stale.batch-size}, each its own transaction) and lifts the flag where a slowdown now covers the order.
     *
     * @return how many flags it raised and cleared (0 when another instance is checking)
     */
    public int check(Instant now) {
        int changed = locks.runAlone(LOCK, () -> flagStale(now) + clearCovered(now)).orElse(0);
        if (changed > 0) {
            LOG.infof("stale-status check changed %d flag(s)", changed);
        }
        return changed;
    }

    private int flagStale(Instant now) {
        StaleStatusRule rule = new StaleStatusRule(thresholds());
        int raised = 0;
        for (OrderStatus status : OrderStatus.values()) {
            Duration threshold = rule.threshold(status).orElse(null);
            if (threshold == null) {
                continue;
            }
            OrderQueries.StaleCursor after = OrderQueries.StaleCursor.START;
            while (after != null) {
                OrderQueries.StaleCursor from = after;
                Batch<OrderQueries.StaleCursor> batch = QuarkusTransaction.requiringNew().call(() -> {
                    List<Slowdown> active = slowdowns.active(now);
                    List<OrderEntity> candidates = queries.unflaggedInStatusSince(status, now.minus(threshold),
                            AttentionFlag.STATUS_NOT_UPDATING, from, config.batchSize());
                    int flagged = 0;
                    for (OrderEntity order : candidates) {
                        if (rule.isStale(order.status, order.statusChangedAt, Slowdowns.covers(active, order, now), now)) {
                            lifecycle.raise(order, AttentionFlag.STATUS_NOT_UPDATING);
                            flagged++;
                        }
                    }
                    OrderEntity last = candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
                    return new Batch<>(flagged, candidates.size() < config.batchSize() ? null
                            : new OrderQueries.StaleCursor(last.statusChangedAt, last.id));
                });
                raised += batch.changed();
                after = batch.next();
            }
        }
        return raised;
    }

    private int clearCovered(Instant now) {
        if (QuarkusTransaction.requiringNew().call(() -> slowdowns.active(now).isEmpty())) {
            return 0;
        }
        int cleared = 0;
        String after = "";
        while (after != null) {
            String from = after;
            Batch<String> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Slowdown> active = slowdowns.active(now);
                List<String> ids = queries.flagged(AttentionFlag.STATUS_NOT_UPDATING, from, config.batchSize());
                int lifted = 0;
                for (String orderId : ids) {
                    OrderEntity order = OrderEntity.findById(orderId);
                    if (Slowdowns.covers(active, order, now)) {
                        lifecycle.clear(order, AttentionFlag.STATUS_NOT_UPDATING);
                        lifted++;
                    }
                }
                return new Batch<>(lifted, ids.size() < config.batchSize() ? null : ids.get(ids.size() - 1));
            });
            cleared += batch.changed();
            after = batch.next();
        }
        return cleared;
    }

    /** What one batch changed, and where the next one starts ({@code null}: this was the last). */
    private record Batch<C>(int changed, C next) {
    }

    private Map<OrderStatus, Duration> thresholds() {
        Map<OrderStatus, Duration> thresholds = new EnumMap<>(OrderStatus.class);
        config.thresholds().forEach((status, duration) -> thresholds.put(OrderStatus.valueOf(status), duration));
        return thresholds;
    }
}
