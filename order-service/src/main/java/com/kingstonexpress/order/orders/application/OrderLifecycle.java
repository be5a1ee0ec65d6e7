package com.kingstonexpress.order.orders.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.order.orders.domain.Actor;
import com.kingstonexpress.order.orders.domain.AttentionAdvice;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.domain.Cause;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.events.OrderEvents;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.order.orders.persistence.StatusHistoryEntry;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.outbox.Outbox;

/**
 * The changes every writer of an order makes the same way (seller actions, support corrections, fulfillment
 * reports, attention): the aggregate, its history and its events change in the caller's one transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderLifecycle {

    private static final Logger LOG = Logger.getLogger(OrderLifecycle.class);

    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** Moves the status because of the action itself (no reason, no reporting event). */
    public void changeStatus(OrderEntity order, OrderStatus to, Actor actor) {
        changeStatus(order, to, actor, Cause.NONE);
    }

    /** Moves the status, appends the history entry and announces it. */
    public void changeStatus(OrderEntity order, OrderStatus to, Actor actor, Cause cause) {
        Instant now = clock.instant();
        OrderStatus from = order.status;
        order.status = to;
        order.statusChangedAt = now;
        touch(order, now);
        EventEnvelope event = outbox.append(OrderEvents.TOPIC, order.id, new OrderEvents.StatusChanged(order.id, order.sellerId,
                order.type, from, to, actor.kind(), actor.id(), cause.reason(), cause.sourceEventId(), now));
        StatusHistoryEntry.record(order.id, from, to, actor, cause, event, now);
        LOG.infof("order %s %s->%s by %s:%s", order.id, from, to, actor.kind(), actor.id());
        if (to == OrderStatus.CANCELLED) {
            outbox.append(OrderEvents.TOPIC, order.id,
                    new OrderEvents.Cancelled(order.id, order.sellerId, cause.reason(), actor.kind(), actor.id(), now));
        }
        // A status that moved is, by definition, updating again.
        clear(order, AttentionFlag.STATUS_NOT_UPDATING);
    }

    public void setTracking(OrderEntity order, String carrier, String trackingNumber) {
        if (carrier.equals(order.trackingCarrier) && trackingNumber.equals(order.trackingNumber)) {
            return;
        }
        order.trackingCarrier = carrier;
        order.trackingNumber = trackingNumber;
        touch(order, clock.instant());
        outbox.append(OrderEvents.TOPIC, order.id, new OrderEvents.TrackingAdded(order.id, order.sellerId, carrier, trackingNumber));
        LOG.infof("order %s tracking added (carrier %s)", order.id, carrier);
    }

    /** Raises a flag with its type-specific advice; raising a raised flag changes nothing. */
    public void raise(OrderEntity order, AttentionFlag flag) {
        if (order.attention.containsKey(flag)) {
            return;
        }
        Instant now = clock.instant();
        order.attention.put(flag, now);
        touch(order, now);
        outbox.append(OrderEvents.TOPIC, order.id, new OrderEvents.AttentionRaised(order.id, order.sellerId, order.type, flag,
                AttentionAdvice.of(order.type, flag), now));
        LOG.infof("order %s attention %s raised", order.id, flag);
    }

    public void clear(OrderEntity order, AttentionFlag flag) {
        if (order.attention.remove(flag) == null) {
            return;
        }
        Instant now = clock.instant();
        touch(order, now);
        outbox.append(OrderEvents.TOPIC, order.id, new OrderEvents.AttentionCleared(order.id, order.sellerId, order.type, flag,
                AttentionAdvice.of(order.type, flag), now));
        LOG.infof("order %s attention %s cleared", order.id, flag);
    }

    /** Notes that the order changed at {@code now}, without a status change. */
    public void touch(OrderEntity order, Instant now) {
        order.updatedAt = now;
    }
}
