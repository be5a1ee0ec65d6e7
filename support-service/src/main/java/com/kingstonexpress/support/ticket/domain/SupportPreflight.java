package com.kingstonexpress.support.ticket.domain;

import com.kingstonexpress.support.order.domain.AttentionFlag;
import com.kingstonexpress.support.order.domain.OrderFacts;
import com.kingstonexpress.support.order.domain.OrderStatus;
import com.kingstonexpress.support.order.domain.OrderType;

/**
 * Before a seller opens a ticket: is support the right move? The first matching rule answers; the quotes are from
 * docs/seller-guide.txt.
 * Only {@link Recommendation#NOT_APPLICABLE} predicts a refusal; every other answer leaves creating allowed.
 */
public final class SupportPreflight {

    private SupportPreflight() {
    }

    public static Advice advise(OrderFacts order, TicketCategory category) {
        return TicketOpeningPolicy.mayOpen(category, order.type()).match(() -> openable(order, category),
                refused -> notApplicable(refused.rule(), refused.reason()),
                notYourRole -> notApplicable(notYourRole.rule(), notYourRole.reason()));
    }

    private static Advice notApplicable(TicketRule rule, String reason) {
        return new Advice(Recommendation.NOT_APPLICABLE, rule.id(), reason);
    }

    private static Advice openable(OrderFacts order, TicketCategory category) {
        // "Contact Kingston Express Support if ... a customer is escalating aggressively."
        if (category == TicketCategory.CUSTOMER_ESCALATION) {
            return new Advice(Recommendation.CONTACT_SUPPORT, "CUSTOMER_ESCALATING",
                    "A customer escalating aggressively is a reason to contact support; include what they said.");
        }
        // "Status not updating" is the stale-status case the guide sends to support ("An order status looks incorrect").
        if (order.has(AttentionFlag.STATUS_NOT_UPDATING)) {
            return new Advice(Recommendation.CONTACT_SUPPORT, "STATUS_NOT_UPDATING",
                    "The order's status has not changed for longer than expected; support can check it with the carrier or center.");
        }
        if (order.type() == OrderType.KINGSTON_DISPATCHED) {
            // "Knowing when NOT to act: dispatchment order is in transit; international customs delay. Let the process work."
            if (order.has(AttentionFlag.CUSTOMS_HOLD)) {
                return new Advice(Recommendation.NO_ACTION_NEEDED, "LET_THE_PROCESS_WORK",
                        "The order is held in customs; international customs delays resolve on their own. Let the process work.");
            }
            if (order.status() == OrderStatus.IN_TRANSIT) {
                return new Advice(Recommendation.NO_ACTION_NEEDED, "LET_THE_PROCESS_WORK",
                        "The order is in transit and Kingston Express updates it automatically. Let the process work.");
            }
            return new Advice(Recommendation.CONTACT_SUPPORT, "DISPATCHMENT_HANDS_OFF",
                    "Kingston Express handles this order; if its status looks incorrect or something is unusual, "
                            + "support is the right move.");
        }
        if (order.type() == OrderType.SELLER_MANAGED && category != TicketCategory.INCORRECT_ORDER_STATUS
                && (order.has(AttentionFlag.ADDRESS_ISSUE) || order.has(AttentionFlag.DELIVERY_ATTEMPT_FAILED))) {
            // "Act early if seller-managed": the seller ships this order and holds the fix.
            return new Advice(Recommendation.SELLER_ACTION_NEEDED, "ACT_EARLY_SELLER_MANAGED",
                    "You ship this order yourself: confirm the address or arrange the redelivery with the customer first.");
        }
        return new Advice(Recommendation.CONTACT_SUPPORT, "SUPPORT_CAN_HELP",
                "Support can look into this order; include what you expected and what you see.");
    }
}
