package com.kingstonexpress.support.ticket.events;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.platform.events.EventType;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.support.ticket.domain.AuthorKind;
import com.kingstonexpress.support.ticket.domain.TicketStatus;
import com.kingstonexpress.support.ticket.persistence.Ticket;

/** Announces ticket changes on {@code kx.support.v1} through the outbox, in the change's own transaction. */
@ApplicationScoped
public class TicketEvents {

    public static final String TOPIC = "kx.support.v1";

    /** {@code support.ticket-opened.v1} data */
    @EventType(TicketOpened.TYPE)
    public record TicketOpened(String ticketId, String orderId, String sellerId, String category, String priority,
            String status, String openedByKind, String openedBy, Instant openedAt) {
        public static final String TYPE = "com.kingstonexpress.support.ticket-opened.v1";
    }

    /** {@code support.ticket-status-changed.v1} data */
    @EventType(TicketStatusChanged.TYPE)
    public record TicketStatusChanged(String ticketId, String orderId, String sellerId, String category, String priority,
            String from, String status, String actorKind, String actorId, String resolution, Instant changedAt) {
        public static final String TYPE = "com.kingstonexpress.support.ticket-status-changed.v1";
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(Ticket t) {
        outbox.append(TOPIC, t.ticketId, new TicketOpened(t.ticketId, t.orderId, t.sellerId, t.category.name(),
                t.priority.name(), t.status.name(), t.openedByKind.name(), t.openedBy, t.createdAt));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Ticket t, TicketStatus from, AuthorKind actorKind, String actorId) {
        outbox.append(TOPIC, t.ticketId, new TicketStatusChanged(t.ticketId, t.orderId, t.sellerId, t.category.name(),
                t.priority.name(), from.name(), t.status.name(), actorKind.name(), actorId, t.resolution, t.updatedAt));
    }
}
