package com.kingstonexpress.order.orders.domain;

/**
 * The recommended action for a flag depends on the order type: "Act early if seller-managed. Monitor only
 * if dispatchment."
 */
public final class AttentionAdvice {

    private AttentionAdvice() {
    }

    public static String of(OrderType type, AttentionFlag flag) {
        boolean dispatched = type == OrderType.KINGSTON_DISPATCHED;
        return switch (flag) {
            case ADDRESS_ISSUE -> dispatched
                    ? "Monitor only: Kingston Express resolves the address with the customer. Contact support with the order ID if it does not move."
                    : "Act now: confirm the delivery address with the customer before you ship.";
            case DELIVERY_ATTEMPT_FAILED -> dispatched
                    ? "Monitor only: the carrier will try again. Answer the customer calmly if they ask."
                    : "Act now: contact the customer and your carrier to arrange a new delivery.";
            case CUSTOMS_HOLD -> dispatched
                    ? "Monitor only: customs delays clear on their own. Do not refund, resend or cancel."
                    : "Act now: check the customs paperwork with your carrier and tell the customer about the delay.";
            case STATUS_NOT_UPDATING -> dispatched
                    ? "Monitor only: if the status stays stuck, contact support with the order ID."
                    : "Act now: update the status if the step is done, or ask your carrier where the parcel is.";
            case CUSTOMER_AWAITING_REPLY -> dispatched
                    ? "Reply to the customer politely and factually; Kingston Express handles the delivery."
                    : "Reply to the customer politely and factually, with what you are doing about their order.";
        };
    }
}
