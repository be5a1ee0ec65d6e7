package com.kingstonexpress.order.incidents.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.kingstonexpress.order.incidents.domain.Slowdown;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.platform.persistence.AfterCommit;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * Answers "is this order covered by an active platform-wide slowdown right now?".
 *
 * <p>Every order read and write asks, and slowdowns are few and rarely change, so the unresolved ones are kept in
 * memory rather than read per request. This instance drops its copy when its own consumer commits a change
 * ({@link #changing()}); another instance of the service sees it once its copy expires
 * ({@code quarkus.cache.caffeine."unresolved-slowdowns".expire-after-write}, a second).
 */
@ApplicationScoped
public class Slowdowns {

    static final String CACHE = "unresolved-slowdowns";
    private static final String KEY = "all";

    @Inject
    @CacheName(CACHE)
    Cache cache;
    @Inject
    TransactionSynchronizationRegistry transactions;

    public List<Slowdown> active(Instant now) {
        return unresolved().stream().filter(s -> s.isActiveAt(now)).toList();
    }

    public boolean covers(OrderEntity order, Instant now) {
        return covers(active(now), order, now);
    }

    public static boolean covers(List<Slowdown> slowdowns, OrderEntity order, Instant now) {
        return slowdowns.stream().anyMatch(s -> s.covers(order.deliveryAddress.region, order.deliveryAddress.country,
                order.trackingCarrier, now));
    }

    /**
     * The calling transaction declares or resolves a slowdown: once it has committed, the next question reads them
     * again. Dropped after the commit, not before, so that no read in between keeps what is about to change.
     */
    public void changing() {
        AfterCommit.run(transactions, () -> cache.invalidateAll().await().indefinitely());
    }

    private List<Slowdown> unresolved() {
        return cache.<String, List<Slowdown>> get(KEY, key -> IncidentEntity.unresolved()).await().indefinitely();
    }
}
