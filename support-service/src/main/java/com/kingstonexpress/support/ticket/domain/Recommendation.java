package com.kingstonexpress.support.ticket.domain;

/** The answer of the preflight check: is contacting support the right move now? */
public enum Recommendation {
    /** Support is the right move. */
    CONTACT_SUPPORT,
    /** The process is working as designed; a ticket is still allowed. */
    NO_ACTION_NEEDED,
    /** A seller-managed order whose fix is in the seller's hands; a ticket is still allowed. */
    SELLER_ACTION_NEEDED,
    /** This category cannot be used for this order (creating it would be refused). */
    NOT_APPLICABLE
}
