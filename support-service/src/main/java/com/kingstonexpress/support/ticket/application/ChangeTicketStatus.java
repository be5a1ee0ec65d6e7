package com.kingstonexpress.support.ticket.application;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.support.ticket.config.TicketConfig;
import com.kingstonexpress.support.ticket.domain.TicketLifecycle;
import com.kingstonexpress.support.ticket.domain.TicketStatus;
import com.kingstonexpress.support.ticket.events.TicketEvents;
import com.kingstonexpress.support.ticket.persistence.Ticket;
import com.kingstonexpress.support.ticket.persistence.TicketQueries;

/** An agent works a ticket forward; its owner reopens or closes it once it is resolved. */
@ApplicationScoped
public class ChangeTicketStatus {

    /** @param resolution required when resolving: what was done */
    public record Command(String ticketId, Requester requester, TicketStatus to, String resolution) {
    }

    private static final Logger LOG = Logger.getLogger(ChangeTicketStatus.class);

    @Inject
    TicketReads reads;
    @Inject
    TicketQueries queries;
    @Inject
    TicketEvents events;
    @Inject
    TicketConfig config;
    @Inject
    Clock clock;

    @Transactional
    public Ticket change(Command command) {
        Ticket ticket = reads.visible(command.ticketId(), command.requester());
        TicketStatus from = ticket.status;
        TicketStatus to = command.to();
        String attempt = "ticket " + ticket.ticketId + " " + from + "->" + to + " by " + command.requester();
        Instant now = clock.instant();
        Refusals.require(TicketLifecycle.decide(from, to, command.requester().lifecycleRole(), ticket.resolvedAt, now,
                config.reopenWindow()), attempt);
        if (to == TicketStatus.RESOLVED && (command.resolution() == null || command.resolution().isBlank())) {
            throw ProblemException.badRequest("A resolution is required to resolve a ticket: tell the seller what was done.");
        }
        if (to.isOpen() && !from.isOpen()) {
            queries.lockOrderAndCategory(ticket.orderId, ticket.category);
            queries.findOpen(ticket.orderId, ticket.category).ifPresent(existing -> {
                throw Refusals.alreadyOpen(existing, attempt);
            });
        }
        ticket.status = to;
        ticket.updatedAt = now;
        switch (to) {
            case RESOLVED -> {
                ticket.resolution = command.resolution();
                ticket.resolvedAt = now;
            }
            case CLOSED -> ticket.closedAt = now;
            case OPEN -> {
                ticket.resolution = null;
                ticket.resolvedAt = null;
            }
            case IN_PROGRESS, WAITING_ON_SELLER -> {
                // change nothing but the status
            }
        }
        events.statusChanged(ticket, from, command.requester().kind(), command.requester().actorId());
        LOG.infof("ticket %s %s->%s by %s", ticket.ticketId, from, to, command.requester());
        return ticket;
    }
}
