package com.kingstonexpress.support.ticket.domain;

/**
 * The seller guide's reasons to contact support ("an order status looks incorrect, a dispatchment order has an
 * unusual issue, or a customer is escalating aggressively"; docs/seller-guide.txt), plus OTHER.
 */
public enum TicketCategory {
    INCORRECT_ORDER_STATUS,
    DISPATCHMENT_ISSUE,
    CUSTOMER_ESCALATION,
    OTHER
}
