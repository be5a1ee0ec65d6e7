package com.kingstonexpress.support.ticket.domain;

/**
 * The ticket rules. Ids are published (API, problem answers and README) and stay stable; each rule carries the
 * next sensible step for the caller.
 */
public enum TicketRule {
    /** "A dispatchment order has an unusual issue": only Kingston-dispatched orders have a dispatchment. */
    DISPATCHMENT_ISSUE_KINGSTON_DISPATCHED_ONLY("Use INCORRECT_ORDER_STATUS or OTHER for this order."),
    /** At most one ticket per order and category that is neither RESOLVED nor CLOSED (our decision). */
    ONE_OPEN_TICKET_PER_ORDER_AND_CATEGORY("Add a comment to the open ticket instead."),
    /** CLOSED is final. */
    TICKET_CLOSED("Open a new ticket for the order if the problem came back."),
    /** Asking for the current status is a conflict, not a silent no-op. */
    TICKET_ALREADY_IN_STATUS("Reload the ticket."),
    /** Agents move tickets forward only, except WAITING_ON_SELLER back to IN_PROGRESS. */
    TICKET_NO_GOING_BACK("Reopening a resolved ticket is the seller's call; otherwise move it forward."),
    /** Working the ticket is the agents' job. */
    TICKET_AGENT_ONLY("Comment on the ticket; a seller may only reopen or close a resolved ticket."),
    /** The owner reopens a RESOLVED ticket only. */
    TICKET_REOPEN_ONLY_RESOLVED("Add a comment instead; the agent working it will see it."),
    /** ... and only within the reopen window after resolution. */
    TICKET_REOPEN_WINDOW_PASSED("Open a new ticket for the order."),
    /** The owner closes a ticket once it is resolved, accepting the resolution. */
    TICKET_CLOSE_ONLY_RESOLVED("Wait for the agent's resolution, or comment that the problem went away."),
    /** A resolved or closed ticket cannot be taken. */
    TICKET_NOT_ACTIVE("If the problem is back, the seller reopens the ticket or opens a new one.");

    private final String hint;

    TicketRule(String hint) {
        this.hint = hint;
    }

    /** The stable id clients branch on. */
    public String id() {
        return name();
    }

    public String hint() {
        return hint;
    }
}
