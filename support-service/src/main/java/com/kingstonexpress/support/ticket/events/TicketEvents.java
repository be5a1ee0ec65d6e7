package com.kingstonexpress.support.ticket.events;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.support.ticket.domain.TicketStatus;
import com.kingstonexpress.support.ticket.persistence.Ticket;

/** Announces ticket changes on {@code kx.support.v1} through the outbox, in the change's own transaction. */
@ApplicationScoped
public class TicketEvents {

    /** {@code support.ticket-opened.v1} data */
    public record TicketOpened(String ticketId, String orderId, String sellerId, String category, String priority,
            String status, String openedByKind, String openedBy, Instant openedAt) {
    }

    /** {@code support.ticket-status-changed.v1} data */
    public record TicketStatusChanged(String ticketId, String orderId, String sellerId, String category, String priority,
            String from, String status, String actorKind, String actorId, String resolution, Instant changedAt) {
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(Ticket t) {
        outbox.append(TicketEventTypes.SUPPORT_TOPIC, TicketEventTypes.TICKET_OPENED, t.ticketId,
                new TicketOpened(t.ticketId, t.orderId, t.sellerId, t.category.name(), t.priority.name(), t.status.name(),
                        t.openedByKind, t.openedBy, t.createdAt));
    }

    /** @param actorKind SELLER, SUPPORT_AGENT or SYSTEM */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Ticket t, TicketStatus from, String actorKind, String actorId) {
        outbox.append(TicketEventTypes.SUPPORT_TOPIC, TicketEventTypes.TICKET_STATUS_CHANGED, t.ticketId,
                new TicketStatusChanged(t.ticketId, t.orderId, t.sellerId, t.category.name(), t.priority.name(), from.name(),
                        t.status.name(), actorKind, actorId, t.resolution, t.updatedAt));
    }
}
