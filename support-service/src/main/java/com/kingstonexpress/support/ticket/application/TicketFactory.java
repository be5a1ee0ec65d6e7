package com.kingstonexpress.support.ticket.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.support.order.domain.OrderFacts;
import com.kingstonexpress.support.ticket.domain.AuthorKind;
import com.kingstonexpress.support.ticket.domain.TicketCategory;
import com.kingstonexpress.support.ticket.domain.TicketPriority;
import com.kingstonexpress.support.ticket.domain.TicketStatus;
import com.kingstonexpress.support.ticket.events.TicketEvents;
import com.kingstonexpress.support.ticket.persistence.Ticket;
import com.kingstonexpress.support.ticket.persistence.TicketComment;
import com.kingstonexpress.support.ticket.persistence.TimelineEntry;

/** New tickets (with the order snapshot and the opened event) and new comments, as every use case makes them. */
@ApplicationScoped
public class TicketFactory {

    private static final Logger LOG = Logger.getLogger(TicketFactory.class);

    @Inject
    Clock clock;
    @Inject
    TicketEvents events;
    @Inject
    ObjectMapper json;

    /**
     * Opens a ticket and announces it.
     *
     * @param order what the projection knows of the order; empty when it does not know it yet (the snapshot is
     *              then empty)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket open(Optional<OrderFacts> order, String orderId, String sellerId, TicketCategory category, String description,
            AuthorKind openedByKind, String openedBy) {
        Instant now = clock.instant();
        Ticket t = new Ticket();
        t.ticketId = UUID.randomUUID().toString();
        t.orderId = orderId;
        t.sellerId = sellerId;
        t.category = category;
        t.priority = TicketPriority.of(category);
        t.priorityRank = (short) t.priority.rank();
        t.status = TicketStatus.OPEN;
        t.description = description;
        t.openedByKind = openedByKind;
        t.openedBy = openedBy;
        t.orderType = order.map(OrderFacts::type).orElse(null);
        t.orderStatus = order.map(OrderFacts::status).orElse(null);
        t.orderAttention = write(order.map(o -> o.attention().stream().map(Enum::name).sorted().toList()).orElse(List.of()));
        t.timelineSnapshot = write(order.map(o -> o.timeline().stream().map(TimelineEntry::of).toList()).orElse(List.of()));
        t.createdAt = now;
        t.updatedAt = now;
        t.persist();
        events.opened(t);
        LOG.infof("ticket %s opened for order %s by %s:%s (%s, %s)", t.ticketId, orderId, openedByKind, openedBy, category,
                t.priority);
        return t;
    }

    /** @param sourceKey what caused a SYSTEM comment, so that it is added once; null for people's comments */
    @Transactional(Transactional.TxType.MANDATORY)
    public TicketComment comment(Ticket ticket, AuthorKind authorKind, String authorId, String body, String sourceKey) {
        TicketComment c = new TicketComment();
        c.commentId = UUID.randomUUID().toString();
        c.ticketId = ticket.ticketId;
        c.authorKind = authorKind;
        c.authorId = authorId;
        c.body = body;
        c.sourceKey = sourceKey;
        c.createdAt = clock.instant();
        c.persist();
        return c;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ticket snapshot not serialisable", e);
        }
    }
}
