package com.kingstonexpress.support.ticket.domain;

/**
 * The guide's reasons to contact support ("an order status looks incorrect, a dispatchment order has an
 * unusual issue, or a customer is escalating aggressively"), plus OTHER.
 */
public enum TicketCategory {
    INCORRECT_ORDER_STATUS,
    DISPATCHMENT_ISSUE,
    CUSTOMER_ESCALATION,
    OTHER
}
