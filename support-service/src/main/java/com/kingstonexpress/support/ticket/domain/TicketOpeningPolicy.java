package com.kingstonexpress.support.ticket.domain;

import com.kingstonexpress.support.order.domain.OrderType;

/** Whether a category fits the order at all, before anything else is checked. */
public final class TicketOpeningPolicy {

    public static final String DISPATCHMENT_NEEDS_KINGSTON_DISPATCHED = "DISPATCHMENT_ISSUE_KINGSTON_DISPATCHED_ONLY";

    private TicketOpeningPolicy() {
    }

    /** @param type null when the order's type is not known yet (the category is then taken at its word) */
    public static Decision mayOpen(TicketCategory category, OrderType type) {
        // "A dispatchment order has an unusual issue": only Kingston-dispatched orders have a dispatchment.
        if (category == TicketCategory.DISPATCHMENT_ISSUE && type == OrderType.SELLER_MANAGED) {
            return Decision.refuse(DISPATCHMENT_NEEDS_KINGSTON_DISPATCHED,
                    "Dispatchment issues are for orders dispatched by Kingston Express; this order is seller-managed.",
                    "Use INCORRECT_ORDER_STATUS or OTHER for this order.");
        }
        return Decision.allow();
    }
}
