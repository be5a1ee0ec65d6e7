package com.kingstonexpress.support.ticket.application;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.kingstonexpress.platform.problem.ProblemException;
import com.kingstonexpress.support.ticket.config.TicketConfig;
import com.kingstonexpress.support.ticket.domain.TicketStatus;
import com.kingstonexpress.support.ticket.persistence.Ticket;
import com.kingstonexpress.support.ticket.persistence.TicketComment;
import com.kingstonexpress.support.ticket.persistence.TicketCorrection;
import com.kingstonexpress.support.ticket.persistence.TicketQueries;

/** What a requester may read: one ticket with its comments and corrections, and pages of the queue. */
@ApplicationScoped
public class TicketReads {

    @Inject
    TicketQueries queries;
    @Inject
    TicketConfig config;

    /** The ticket, or "not found" when it does not exist or belongs to another seller (so ids cannot be probed). */
    @Transactional
    public Ticket visible(String ticketId, Requester requester) {
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null || !requester.maySee(ticket.sellerId)) {
            throw ProblemException.notFound("Ticket", ticketId);
        }
        return ticket;
    }

    @Transactional
    public TicketComment comment(String ticketId, String commentId, Requester requester) {
        visible(ticketId, requester);
        TicketComment comment = TicketComment.findById(commentId);
        if (comment == null || !comment.ticketId.equals(ticketId)) {
            throw ProblemException.notFound("Comment", commentId);
        }
        return comment;
    }

    /** Up to {@code limit} tickets in queue order after {@code after} (null: from the start). */
    @Transactional
    public List<Ticket> page(TicketQueries.Filter filter, TicketQueries.After after, int limit) {
        return queries.page(filter, after, limit);
    }

    public List<TicketComment> comments(String ticketId) {
        return queries.comments(ticketId);
    }

    public List<TicketCorrection> corrections(String ticketId) {
        return queries.corrections(ticketId);
    }

    /** The reopen deadline of a resolved ticket, for clients to show. */
    public Instant reopenableUntil(Ticket ticket) {
        return ticket.status == TicketStatus.RESOLVED && ticket.resolvedAt != null
                ? ticket.resolvedAt.plus(config.reopenWindow())
                : null;
    }
}
