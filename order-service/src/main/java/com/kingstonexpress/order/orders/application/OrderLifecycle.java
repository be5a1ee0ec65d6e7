package com.kingstonexpress.order.orders.application;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.AttentionAdvice;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
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

    @Inject
    Outbox outbox;

    /** Moves the status, appends the history entry and announces it. */
    public void changeStatus(OrderEntity order, OrderStatus to, ActorKind actorKind, String actorId, String reason,
            String sourceEventId) {
        Instant now = Clock.now();
        OrderStatus from = order.status;
        order.status = to;
        order.statusChangedAt = now;
        touch(order, now);
        EventEnvelope event = outbox.append(OrderEvents.TOPIC, OrderEvents.STATUS_CHANGED, order.id,
                new OrderEvents.StatusChanged(order.id, order.sellerId, order.type, from, to, actorKind, actorId, reason,
                        sourceEventId, now));
        record(order.id, from, to, actorKind, actorId, reason, sourceEventId, event.id(), now);
        if (to == OrderStatus.CANCELLED) {
            outbox.append(OrderEvents.TOPIC, OrderEvents.CANCELLED, order.id,
                    new OrderEvents.Cancelled(order.id, order.sellerId, reason, actorKind, actorId, now));
        }
        // A status that moved is, by definition, updating again.
        clear(order, AttentionFlag.STATUS_NOT_UPDATING);
    }

    private static void record(String orderId, OrderStatus from, OrderStatus to, ActorKind actorKind, String actorId, String reason,
            String sourceEventId, String eventId, Instant at) {
        StatusHistoryEntry entry = new StatusHistoryEntry();
        entry.orderId = orderId;
        entry.from = from;
        entry.to = to;
        entry.actorKind = actorKind;
        entry.actorId = actorId;
        entry.reason = reason;
        entry.sourceEventId = sourceEventId;
        entry.eventId = eventId;
        entry.at = at;
        entry.persist();
    }

    public void setTracking(OrderEntity order, String carrier, String trackingNumber) {
        if (carrier.equals(order.trackingCarrier) && trackingNumber.equals(order.trackingNumber)) {
            return;
        }
        order.trackingCarrier = carrier;
        order.trackingNumber = trackingNumber;
        touch(order, Clock.now());
        outbox.append(OrderEvents.TOPIC, OrderEvents.TRACKING_ADDED, order.id,
                new OrderEvents.TrackingAdded(order.id, order.sellerId, carrier, trackingNumber));
    }

    /** Raises a flag with its type-specific advice; raising a raised flag changes nothing. */
    public void raise(OrderEntity order, AttentionFlag flag) {
        if (order.attention.containsKey(flag)) {
            return;
        }
        Instant now = Clock.now();
        order.attention.put(flag, now);
        touch(order, now);
        outbox.append(OrderEvents.TOPIC, OrderEvents.ATTENTION_RAISED, order.id, new OrderEvents.AttentionChanged(order.id,
                order.sellerId, order.type, flag, AttentionAdvice.of(order.type, flag), now));
    }

    public void clear(OrderEntity order, AttentionFlag flag) {
        if (order.attention.remove(flag) == null) {
            return;
        }
        Instant now = Clock.now();
        touch(order, now);
        outbox.append(OrderEvents.TOPIC, OrderEvents.ATTENTION_CLEARED, order.id, new OrderEvents.AttentionChanged(order.id,
                order.sellerId, order.type, flag, AttentionAdvice.of(order.type, flag), now));
    }

    public void touch(OrderEntity order, Instant now) {
        order.updatedAt = now;
    }
}
