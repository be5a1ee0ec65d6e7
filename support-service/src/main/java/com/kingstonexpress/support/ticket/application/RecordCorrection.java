package com.kingstonexpress.support.ticket.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.support.order.domain.StatusChange;
import com.kingstonexpress.support.ticket.domain.AuthorKind;
import com.kingstonexpress.support.ticket.persistence.Ticket;
import com.kingstonexpress.support.ticket.persistence.TicketCorrection;
import com.kingstonexpress.support.ticket.persistence.TicketQueries;

/** Records an agent's audited status correction (made through order-service) on every open ticket of the order. */
@ApplicationScoped
public class RecordCorrection {

    private static final Logger LOG = Logger.getLogger(RecordCorrection.class);
    static final String ORDERS = "order-service";

    @Inject
    TicketQueries queries;
    @Inject
    TicketFactory factory;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String orderId, StatusChange change) {
        for (Ticket ticket : queries.openFor(orderId)) {
            if (TicketCorrection.count("ticketId = ?1 and eventId = ?2", ticket.ticketId, change.eventId()) > 0) {
                continue;
            }
            TicketCorrection correction = new TicketCorrection();
            correction.ticketId = ticket.ticketId;
            correction.eventId = change.eventId();
            correction.from = change.from();
            correction.to = change.to();
            correction.actorId = change.actorId();
            correction.reason = change.reason();
            correction.changedAt = change.changedAt();
            correction.persist();
            ticket.updatedAt = clock.instant();
            // The comment is the seller's to read: it names the role, not the agent (#12 L5); the correction keeps the id.
            factory.comment(ticket, AuthorKind.SYSTEM, ORDERS, "Order status corrected from " + change.from() + " to "
                    + change.to() + " by Kingston Express support" + (change.reason() == null ? "" : ": " + change.reason()),
                    "correction:" + change.eventId() + ":" + ticket.ticketId);
            LOG.infof("correction %s of order %s (%s->%s by SUPPORT_AGENT:%s) recorded on ticket %s", change.eventId(),
                    orderId, change.from(), change.to(), change.actorId(), ticket.ticketId);
        }
    }
}
