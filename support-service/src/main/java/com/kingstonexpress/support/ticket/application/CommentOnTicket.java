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
import com.kingstonexpress.support.ticket.persistence.TicketComment;

/**
 * The owner or an agent comments on a ticket until it is closed; the seller answering a ticket that waits for
 * them hands it back to the agent.
 */
@ApplicationScoped
public class CommentOnTicket {

    public record Command(String ticketId, Requester requester, String body) {
    }

    private static final Logger LOG = Logger.getLogger(CommentOnTicket.class);

    @Inject
    TicketReads reads;
    @Inject
    TicketFactory factory;
    @Inject
    TicketEvents events;
    @Inject
    Clock clock;

    @Transactional
    public TicketComment comment(Command command) {
        Requester author = command.requester();
        Ticket ticket = reads.visible(command.ticketId(), author);
        Refusals.require(TicketLifecycle.mayComment(ticket.status), "comment on ticket " + ticket.ticketId + " by " + author);
        ticket.updatedAt = clock.instant();
        if (author.kind() == AuthorKind.SELLER) {
            TicketStatus from = ticket.status;
            ticket.status = TicketLifecycle.statusAfterSellerComment(from);
            if (ticket.status != from) {
                events.statusChanged(ticket, from, AuthorKind.SELLER, author.actorId());
                LOG.infof("ticket %s %s->%s by %s (seller answered)", ticket.ticketId, from, ticket.status, author);
            }
        }
        TicketComment comment = factory.comment(ticket, author.kind(), author.actorId(), command.body(), null);
        LOG.infof("comment %s added to ticket %s by %s", comment.commentId, ticket.ticketId, author);
        return comment;
    }
}
