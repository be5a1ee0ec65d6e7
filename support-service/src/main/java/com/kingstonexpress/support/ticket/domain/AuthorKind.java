package com.kingstonexpress.support.ticket.domain;

/** Who opened a ticket, wrote a comment or changed a status; stored and published by name. */
public enum AuthorKind {
    SELLER,
    SUPPORT_AGENT,
    /** this service, on behalf of another one (an escalation from messaging, a correction from orders) */
    SYSTEM
}
