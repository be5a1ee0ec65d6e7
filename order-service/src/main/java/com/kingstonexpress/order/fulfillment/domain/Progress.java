package com.kingstonexpress.order.fulfillment.domain;

import java.util.EnumSet;
import java.util.Set;

import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.OrderStatus;

/**
 * What a report does to an order. Either {@code ignoredBecause} says why it does nothing, or the fields say
 * what changes: a forward status, tracking to record, delivery evidence, conditions raised and cleared.
 */
public record Progress(String ignoredBecause, OrderStatus newStatus, boolean recordTracking, boolean deliveryEvidence,
        Set<Condition> raise, Set<Condition> clear) {

    static Progress ignored(String because) {
        return new Progress(because, null, false, false, Set.of(), Set.of());
    }

    static Progress none() {
        return new Progress(null, null, false, false, Set.of(), Set.of());
    }

    Progress to(OrderStatus status) {
        return new Progress(null, status, recordTracking, deliveryEvidence, raise, clear);
    }

    Progress withTracking() {
        return new Progress(null, newStatus, true, deliveryEvidence, raise, clear);
    }

    Progress withEvidence() {
        return new Progress(null, newStatus, recordTracking, true, raise, clear);
    }

    Progress raising(Condition condition) {
        Set<Condition> more = EnumSet.of(condition);
        more.addAll(raise);
        return new Progress(null, newStatus, recordTracking, deliveryEvidence, Set.copyOf(more), clear);
    }

    Progress clearing(Condition... conditions) {
        Set<Condition> more = EnumSet.of(conditions[0], conditions);
        more.addAll(clear);
        return new Progress(null, newStatus, recordTracking, deliveryEvidence, raise, Set.copyOf(more));
    }

    public boolean isIgnored() {
        return ignoredBecause != null;
    }
}
