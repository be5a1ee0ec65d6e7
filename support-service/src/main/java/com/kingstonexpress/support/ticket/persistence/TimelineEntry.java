package com.kingstonexpress.support.ticket.persistence;

import java.time.Instant;

import com.kingstonexpress.support.order.domain.StatusChange;

/** One entry of a ticket's timeline snapshot, shaped like order-service's history items. */
public record TimelineEntry(String from, String to, String actorKind, String actorId, String reason, String eventId,
        long sequence, Instant at) {

    public static TimelineEntry of(StatusChange c) {
        return new TimelineEntry(c.from() == null ? null : c.from().name(), c.to().name(), c.actorKind().name(), c.actorId(),
                c.reason(), c.eventId(), c.sequence(), c.changedAt());
    }
}
