package com.kingstonexpress.support.ticket.application;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.support.order.domain.OrderFacts;
import com.kingstonexpress.support.order.persistence.OrderProjections;
import com.kingstonexpress.support.ticket.domain.AuthorKind;
import com.kingstonexpress.support.ticket.domain.TicketCategory;
import com.kingstonexpress.support.ticket.persistence.Ticket;
import com.kingstonexpress.support.ticket.persistence.TicketComment;
import com.kingstonexpress.support.ticket.persistence.TicketQueries;

/**
 * "A customer is escalating aggressively": open a HIGH ticket for the order, or add the new escalation to the
 * one already open. Each escalation message counts once however often it is delivered.
 */
@ApplicationScoped
public class RecordEscalation {

    private static final Logger LOG = Logger.getLogger(RecordEscalation.class);
    static final String MESSAGING = "messaging-service";

    @Inject
    OrderProjections orders;
    @Inject
    TicketQueries queries;
    @Inject
    TicketFactory factory;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Escalation escalation) {
        String sourceKey = "escalation:" + escalation.messageId();
        if (TicketComment.count("sourceKey", sourceKey) > 0) {
            LOG.debugf("escalation %s on order %s already recorded", escalation.messageId(), escalation.orderId());
            return;
        }
        Optional<OrderFacts> order = orders.find(escalation.orderId());
        if (order.isPresent() && !order.get().sellerId().equals(escalation.sellerId())) {
            throw new PoisonEventException("escalation names seller " + escalation.sellerId() + " but order "
                    + escalation.orderId() + " belongs to another seller");
        }
        queries.lockOrderAndCategory(escalation.orderId(), TicketCategory.CUSTOMER_ESCALATION);
        Ticket ticket = queries.findOpen(escalation.orderId(), TicketCategory.CUSTOMER_ESCALATION).orElse(null);
        if (ticket == null) {
            // The order may not be in the projection yet (its order.placed still in flight): the event's seller id
            // is enough to open the ticket, and the timeline snapshot is then empty.
            ticket = factory.open(order, escalation.orderId(), escalation.sellerId(), TicketCategory.CUSTOMER_ESCALATION,
                    "Customer escalation detected on conversation " + escalation.conversationId() + ": "
                            + escalation.excerpt(),
                    AuthorKind.SYSTEM, MESSAGING);
        } else {
            ticket.updatedAt = clock.instant();
        }
        factory.comment(ticket, AuthorKind.SYSTEM, MESSAGING, "Escalation detected (signals: "
                + String.join(", ", escalation.signals()) + ") in message " + escalation.messageId() + ": "
                + escalation.excerpt(), sourceKey);
        LOG.infof("escalation %s recorded on ticket %s for order %s (signals %s)", escalation.messageId(), ticket.ticketId,
                escalation.orderId(), String.join(",", escalation.signals()));
    }
}
