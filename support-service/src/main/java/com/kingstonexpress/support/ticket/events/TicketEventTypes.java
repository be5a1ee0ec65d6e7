package com.kingstonexpress.support.ticket.events;

/** What this service publishes on {@code kx.support.v1}, and what it reads from {@code kx.messaging.v1}. */
public final class TicketEventTypes {

    public static final String SUPPORT_TOPIC = "kx.support.v1";
    public static final String TICKET_OPENED = "com.kingstonexpress.support.ticket-opened.v1";
    public static final String TICKET_STATUS_CHANGED = "com.kingstonexpress.support.ticket-status-changed.v1";

    public static final String MESSAGING_TOPIC = "kx.messaging.v1";
    public static final String ESCALATION_DETECTED = "com.kingstonexpress.messaging.escalation-detected.v1";

    private TicketEventTypes() {
    }
}
