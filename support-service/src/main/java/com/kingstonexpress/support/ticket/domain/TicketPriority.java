package com.kingstonexpress.support.ticket.domain;

/** Listed in queue order: HIGH first. */
public enum TicketPriority {
    HIGH,
    NORMAL;

    /** An aggressively escalating customer is the one case that cannot wait in line (disputes, chargebacks). */
    public static TicketPriority of(TicketCategory category) {
        return category == TicketCategory.CUSTOMER_ESCALATION ? HIGH : NORMAL;
    }

    /** Sort key of the agent queue: lower first. */
    public int rank() {
        return ordinal();
    }
}
