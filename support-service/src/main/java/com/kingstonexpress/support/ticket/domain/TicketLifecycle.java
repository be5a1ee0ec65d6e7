package com.kingstonexpress.support.ticket.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Which status changes a ticket may make, and who may make them.
 *
 * <ul>
 * <li>A support agent moves a ticket forward ({@code OPEN -> IN_PROGRESS -> WAITING_ON_SELLER -> RESOLVED ->
 * CLOSED}, steps may be skipped), and back from {@code WAITING_ON_SELLER} to {@code IN_PROGRESS} when the
 * seller's answer arrived some other way.</li>
 * <li>The owning seller may reopen a {@code RESOLVED} ticket within the reopen window, or close it
 * (accepting the resolution). Nothing else: working the ticket is the agents' job.</li>
 * <li>{@code CLOSED} is final.</li>
 * </ul>
 */
public final class TicketLifecycle {

    private TicketLifecycle() {
    }

    /**
     * @param resolvedAt when the ticket was last resolved (null if it is not resolved)
     * @param reopenWindow how long after resolution the owner may reopen
     */
    public static Decision decide(TicketStatus from, TicketStatus to, TicketActor actor, Instant resolvedAt,
            Instant now, Duration reopenWindow) {
        if (from == TicketStatus.CLOSED) {
            return Decision.refuse(TicketRule.TICKET_CLOSED, "This ticket is closed.");
        }
        if (from == to) {
            return Decision.refuse(TicketRule.TICKET_ALREADY_IN_STATUS, "The ticket is already " + to + ".");
        }
        return switch (actor) {
            case SUPPORT_AGENT -> agent(from, to);
            case OWNER -> owner(from, to, resolvedAt, now, reopenWindow);
        };
    }

    private static Decision agent(TicketStatus from, TicketStatus to) {
        if (to.isAfter(from)) {
            return Decision.ALLOW;
        }
        if (from == TicketStatus.WAITING_ON_SELLER && to == TicketStatus.IN_PROGRESS) {
            return Decision.ALLOW;
        }
        return Decision.refuse(TicketRule.TICKET_NO_GOING_BACK,
                "A ticket moves forward only (" + from + " cannot go back to " + to + ").");
    }

    private static Decision owner(TicketStatus from, TicketStatus to, Instant resolvedAt, Instant now, Duration reopenWindow) {
        return switch (to) {
            case OPEN -> reopen(from, resolvedAt, now, reopenWindow);
            case CLOSED -> from != TicketStatus.RESOLVED
                    ? Decision.refuse(TicketRule.TICKET_CLOSE_ONLY_RESOLVED,
                            "You can close a ticket once it is resolved; this one is " + from + ".")
                    : Decision.ALLOW;
            case IN_PROGRESS, WAITING_ON_SELLER, RESOLVED -> Decision.notYourRole(TicketRule.TICKET_AGENT_ONLY,
                    "Only a support agent can move a ticket to " + to + ".");
        };
    }

    private static Decision reopen(TicketStatus from, Instant resolvedAt, Instant now, Duration reopenWindow) {
        if (from != TicketStatus.RESOLVED) {
            return Decision.refuse(TicketRule.TICKET_REOPEN_ONLY_RESOLVED,
                    "Only a resolved ticket can be reopened; this one is " + from + ".");
        }
        if (resolvedAt != null && now.isAfter(resolvedAt.plus(reopenWindow))) {
            return Decision.refuse(TicketRule.TICKET_REOPEN_WINDOW_PASSED,
                    "The reopen window of " + reopenWindow.toDays() + " day(s) after resolution has passed.");
        }
        return Decision.ALLOW;
    }

    /** An agent takes a ticket that is still being worked; a resolved one must be reopened by its owner first. */
    public static Decision mayTake(TicketStatus status) {
        if (!status.isOpen()) {
            return Decision.refuse(TicketRule.TICKET_NOT_ACTIVE, "The ticket is " + status + "; there is nothing to work on.");
        }
        return Decision.ALLOW;
    }

    /** The conversation stays possible until the ticket is closed. */
    public static Decision mayComment(TicketStatus status) {
        if (status == TicketStatus.CLOSED) {
            return Decision.refuse(TicketRule.TICKET_CLOSED, "This ticket is closed.");
        }
        return Decision.ALLOW;
    }

    /** Taking a ticket starts the work on it. */
    public static TicketStatus statusAfterTaking(TicketStatus status) {
        return status == TicketStatus.OPEN ? TicketStatus.IN_PROGRESS : status;
    }

    /** The seller answering a ticket that waits for them hands it back to the agent. */
    public static TicketStatus statusAfterSellerComment(TicketStatus status) {
        return status == TicketStatus.WAITING_ON_SELLER ? TicketStatus.IN_PROGRESS : status;
    }
}
