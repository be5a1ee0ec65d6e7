package com.kingstonexpress.support.order.domain;

import java.time.Instant;

/**
 * One entry of an order's status history as order-service announced it.
 *
 * @param eventId  the CloudEvent id of the {@code order.status-changed} event (the dedupe key)
 * @param sequence the event's per-order sequence; the timeline is ordered by it, not by arrival
 * @param from     null when order-service did not say (e.g. the first status)
 */
public record StatusChange(String eventId, long sequence, OrderStatus from, OrderStatus to, ActorKind actorKind,
        String actorId, String reason, Instant changedAt) {
}
