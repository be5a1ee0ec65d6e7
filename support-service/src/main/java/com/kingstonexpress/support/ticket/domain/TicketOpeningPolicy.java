package com.kingstonexpress.support.ticket.domain;

import com.kingstonexpress.support.order.domain.OrderType;

/** Whether a category fits the order at all, before anything else is checked. */
public final class TicketOpeningPolicy {

    private TicketOpeningPolicy() {
    }

    /** @param type null when the order's type is not known yet (the category is then taken at its word) */
    public static Decision mayOpen(TicketCategory category, OrderType type) {
        // "A dispatchment order has an unusual issue": only Kingston-dispatched orders have a dispatchment.
        if (category == TicketCategory.DISPATCHMENT_ISSUE && type == OrderType.SELLER_MANAGED) {
            return Decision.refuse(TicketRule.DISPATCHMENT_ISSUE_KINGSTON_DISPATCHED_ONLY,
                    "Dispatchment issues are for orders dispatched by Kingston Express; this order is seller-managed.");
        }
        return Decision.ALLOW;
    }
}
