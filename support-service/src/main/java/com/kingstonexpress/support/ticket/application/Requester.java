package com.kingstonexpress.support.ticket.application;

import com.kingstonexpress.support.ticket.domain.AuthorKind;
import com.kingstonexpress.support.ticket.domain.TicketActor;

/**
 * Who asks: a seller (with the seller id their token carries) or a support agent.
 *
 * @param actorId  the caller's subject, recorded as the author of what the request changes
 * @param sellerId the seller whose tickets a seller may see; null for agents
 */
public record Requester(AuthorKind kind, String actorId, String sellerId) {

    public static Requester seller(String sellerId, String actorId) {
        return new Requester(AuthorKind.SELLER, actorId, sellerId);
    }

    public static Requester agent(String actorId) {
        return new Requester(AuthorKind.SUPPORT_AGENT, actorId, null);
    }

    /** Sellers see their own tickets only (anything else is "not found"); agents see every ticket. */
    public boolean maySee(String ticketSellerId) {
        return kind == AuthorKind.SUPPORT_AGENT || ticketSellerId.equals(sellerId);
    }

    /** The role the ticket lifecycle judges: a seller who can see a ticket owns it. */
    TicketActor lifecycleRole() {
        return kind == AuthorKind.SUPPORT_AGENT ? TicketActor.SUPPORT_AGENT : TicketActor.OWNER;
    }

    @Override
    public String toString() {
        return kind + ":" + actorId;
    }
}
