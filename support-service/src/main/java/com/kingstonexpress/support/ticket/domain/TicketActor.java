package com.kingstonexpress.support.ticket.domain;

/** Who asks for a ticket transition. */
public enum TicketActor {
    /** the seller who owns the ticket's order */
    OWNER,
    SUPPORT_AGENT
}
