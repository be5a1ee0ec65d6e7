package com.kingstonexpress.support.ticket.domain;

/** The ticket lifecycle, in its forward order: {@code OPEN -> IN_PROGRESS -> WAITING_ON_SELLER -> RESOLVED -> CLOSED}. */
public enum TicketStatus {
    OPEN,
    IN_PROGRESS,
    WAITING_ON_SELLER,
    RESOLVED,
    CLOSED;

    /** RESOLVED and CLOSED tickets no longer block a new ticket for the same order and category. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    public boolean isAfter(TicketStatus other) {
        return ordinal() > other.ordinal();
    }
}
