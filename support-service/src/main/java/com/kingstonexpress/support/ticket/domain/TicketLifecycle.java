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

    public static final String CLOSED_IS_FINAL = "TICKET_CLOSED";
    public static final String SAME_STATUS = "TICKET_ALREADY_IN_STATUS";
    public static final String NOT_FORWARD = "TICKET_NO_GOING_BACK";
    public static final String AGENT_ONLY = "TICKET_AGENT_ONLY";
    public static final String REOPEN_ONLY_RESOLVED = "TICKET_REOPEN_ONLY_RESOLVED";
    public static final String REOPEN_WINDOW_PASSED = "TICKET_REOPEN_WINDOW_PASSED";
    public static final String CLOSE_ONLY_RESOLVED = "TICKET_CLOSE_ONLY_RESOLVED";
    public static final String NOT_ACTIVE = "TICKET_NOT_ACTIVE";

    private TicketLifecycle() {
    }

    /**
     * @param resolvedAt when the ticket was last resolved (null if it is not resolved)
     * @param reopenWindow how long after resolution the owner may reopen
     */
    public static Decision decide(TicketStatus from, TicketStatus to, TicketActor actor, Instant resolvedAt,
            Instant now, Duration reopenWindow) {
        if (from == TicketStatus.CLOSED) {
            return Decision.refuse(CLOSED_IS_FINAL, "This ticket is closed.",
                    "Open a new ticket for the order if the problem came back.");
        }
        if (from == to) {
            return Decision.refuse(SAME_STATUS, "The ticket is already " + to + ".", "Reload the ticket.");
        }
        return actor == TicketActor.SUPPORT_AGENT ? agent(from, to) : owner(from, to, resolvedAt, now, reopenWindow);
    }

    private static Decision agent(TicketStatus from, TicketStatus to) {
        if (to.isAfter(from)) {
            return Decision.allow();
        }
        if (from == TicketStatus.WAITING_ON_SELLER && to == TicketStatus.IN_PROGRESS) {
            return Decision.allow();
        }
        return Decision.refuse(NOT_FORWARD, "A ticket moves forward only (" + from + " cannot go back to " + to + ").",
                "Reopening a resolved ticket is the seller's call; otherwise move it forward.");
    }

    private static Decision owner(TicketStatus from, TicketStatus to, Instant resolvedAt, Instant now, Duration reopenWindow) {
        switch (to) {
            case OPEN:
                if (from != TicketStatus.RESOLVED) {
                    return Decision.refuse(REOPEN_ONLY_RESOLVED, "Only a resolved ticket can be reopened; this one is " + from + ".",
                            "Add a comment instead; the agent working it will see it.");
                }
                if (resolvedAt != null && now.isAfter(resolvedAt.plus(reopenWindow))) {
                    return Decision.refuse(REOPEN_WINDOW_PASSED, "The reopen window of " + reopenWindow.toDays()
                            + " day(s) after resolution has passed.", "Open a new ticket for the order.");
                }
                return Decision.allow();
            case CLOSED:
                if (from != TicketStatus.RESOLVED) {
                    return Decision.refuse(CLOSE_ONLY_RESOLVED, "You can close a ticket once it is resolved; this one is " + from + ".",
                            "Wait for the agent's resolution, or comment that the problem went away.");
                }
                return Decision.allow();
            default:
                return Decision.agentOnly(AGENT_ONLY, "Only a support agent can move a ticket to " + to + ".",
                        "Comment on the ticket; a seller may only reopen or close a resolved ticket.");
        }
    }

    /** An agent takes a ticket that is still being worked; a resolved one must be reopened by its owner first. */
    public static Decision mayTake(TicketStatus status) {
        if (!status.isOpen()) {
            return Decision.refuse(NOT_ACTIVE, "The ticket is " + status + "; there is nothing to work on.",
                    "If the problem is back, the seller reopens the ticket or opens a new one.");
        }
        return Decision.allow();
    }

    /** The conversation stays possible until the ticket is closed. */
    public static Decision mayComment(TicketStatus status) {
        if (status == TicketStatus.CLOSED) {
            return Decision.refuse(CLOSED_IS_FINAL, "This ticket is closed.",
                    "Open a new ticket for the order if the problem came back.");
        }
        return Decision.allow();
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
