package com.kingstonexpress.support.ticket.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.support.ticket.domain.AuthorKind;
import com.kingstonexpress.support.ticket.domain.TicketLifecycle;
import com.kingstonexpress.support.ticket.domain.TicketStatus;
import com.kingstonexpress.support.ticket.events.TicketEvents;
import com.kingstonexpress.support.ticket.persistence.Ticket;

/** A support agent takes a ticket that is still being worked; an OPEN one is then IN_PROGRESS. */
@ApplicationScoped
public class TakeTicket {

    public record Command(String ticketId, String agentId) {
    }

    private static final Logger LOG = Logger.getLogger(TakeTicket.class);

    @Inject
    TicketReads reads;
    @Inject
    TicketEvents events;
    @Inject
    Clock clock;

    @Transactional
    public Ticket take(Command command) {
        Requester agent = Requester.agent(command.agentId());
        Ticket ticket = reads.visible(command.ticketId(), agent);
        TicketStatus from = ticket.status;
        Refusals.require(TicketLifecycle.mayTake(from), "ticket " + ticket.ticketId + " taken by " + agent);
        ticket.assignee = command.agentId();
        ticket.status = TicketLifecycle.statusAfterTaking(from);
        ticket.updatedAt = clock.instant();
        if (ticket.status != from) {
            events.statusChanged(ticket, from, AuthorKind.SUPPORT_AGENT, command.agentId());
        }
        LOG.infof("ticket %s taken by %s (%s->%s)", ticket.ticketId, agent, from, ticket.status);
        return ticket;
    }
}
