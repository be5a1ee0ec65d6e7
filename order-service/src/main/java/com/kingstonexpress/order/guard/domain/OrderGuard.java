package com.kingstonexpress.order.guard.domain;

import static com.kingstonexpress.order.guard.domain.Decision.ALLOW;
import static com.kingstonexpress.order.guard.domain.Decision.refuse;

import java.util.Arrays;
import java.util.List;

import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.Condition;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.order.orders.domain.OrderType;
import com.kingstonexpress.order.orders.domain.ShippingMethod;

/**
 * The order-type guard: one pure policy deciding, for (order, actor, action), allow or refuse. "Check the
 * order type first, then act accordingly", so every decision starts from the type.
 */
public final class OrderGuard {

    /** Decides one seller action with what the request brings. */
    public Decision decide(OrderSnapshot order, ActorKind actor, SellerAction action, ActionInput input) {
        if (actor != ActorKind.SELLER) {
            return refuse(Rule.SELLER_ACTION_ONLY, "Only the seller who owns the order performs seller actions.");
        }
        return order.type() == OrderType.KINGSTON_DISPATCHED ? dispatched(order, action) : sellerManaged(order, action, input);
    }

    /** "What may I do now?": every seller action, decided on the order as it stands (nothing sent along). */
    public List<ActionOption> options(OrderSnapshot order, ActorKind actor) {
        return Arrays.stream(SellerAction.values())
                .map(action -> new ActionOption(action, decide(order, actor, action, ActionInput.NONE)))
                .toList();
    }

    /** A support agent's audited correction; it may move the status in any direction. */
    public Decision decideCorrection(OrderSnapshot order, ActorKind actor, OrderStatus target) {
        if (actor != ActorKind.SUPPORT_AGENT) {
            return refuse(Rule.SUPPORT_AGENT_ONLY, "Only Kingston Express support agents correct an order's status.");
        }
        if (order.status() == target) {
            return refuse(Rule.CORRECTION_SAME_STATUS, "The order is already " + target + ".");
        }
        return ALLOW;
    }

    private static Decision dispatched(OrderSnapshot order, SellerAction action) {
        return switch (action) {
            // "Dispatchment orders are hands-off": the center handles address, shipping and tracking.
            case START_PROCESSING, CONFIRM_ADDRESS, ADD_TRACKING, MARK_SHIPPED, MARK_IN_TRANSIT, MARK_DELIVERED ->
                    refuse(Rule.DKE_HANDS_OFF_STATUS, "Kingston Express updates this order's status automatically.");
            case CANCEL -> dispatchedCancel(order);
            case REFUND, RESEND -> dispatchedRemedy(order, action);
        };
    }

    private static Decision dispatchedCancel(OrderSnapshot order) {
        if (order.status().isTerminal()) {
            return terminal(order);
        }
        if (letTheProcessWork(order)) {
            return refuse(Rule.LET_THE_PROCESS_WORK, whyWait(order) + " Cancelling now would only add confusion.");
        }
        if (order.status() != OrderStatus.NEW) {
            return refuse(Rule.DKE_NO_CANCEL_AFTER_PROCESSING,
                    "Kingston Express has started processing this order, so it can no longer be cancelled.");
        }
        return ALLOW;
    }

    private static Decision dispatchedRemedy(OrderSnapshot order, SellerAction action) {
        if (order.status() == OrderStatus.CANCELLED) {
            return terminal(order);
        }
        if (letTheProcessWork(order)) {
            return refuse(Rule.LET_THE_PROCESS_WORK, whyWait(order) + " Do not refund or resend while it runs.");
        }
        return order.status().hasShipped() ? ALLOW : nothingShipped(action);
    }

    private static Decision sellerManaged(OrderSnapshot order, SellerAction action, ActionInput input) {
        OrderStatus status = order.status();
        if (status == OrderStatus.CANCELLED || status == OrderStatus.DELIVERED && action.changesStatus()
                || status == OrderStatus.DELIVERED && (action == SellerAction.CONFIRM_ADDRESS || action == SellerAction.ADD_TRACKING)) {
            return terminal(order);
        }
        return switch (action) {
            case START_PROCESSING -> status == OrderStatus.NEW ? ALLOW
                    : stepOrder("The order is already " + status + "; processing starts only once.");
            case CONFIRM_ADDRESS -> status == OrderStatus.NEW || status == OrderStatus.PROCESSING ? ALLOW
                    : stepOrder("The order has already shipped; its address can no longer be confirmed.");
            case ADD_TRACKING -> status == OrderStatus.NEW ? stepOrder("Start processing the order before you add tracking.") : ALLOW;
            case MARK_SHIPPED -> markShipped(order, input);
            case MARK_IN_TRANSIT -> status == OrderStatus.SHIPPED ? ALLOW
                    : stepOrder(status == OrderStatus.IN_TRANSIT ? "The order is already in transit."
                            : "Mark the order shipped before you mark it in transit.");
            case MARK_DELIVERED -> markDelivered(order, input);
            case CANCEL -> status == OrderStatus.NEW || status == OrderStatus.PROCESSING ? ALLOW
                    : refuse(Rule.SM_NO_CANCEL_AFTER_SHIPPED, "The order has already shipped, so it can no longer be cancelled.");
            case REFUND, RESEND -> status.hasShipped() ? ALLOW : nothingShipped(action);
        };
    }

    private static Decision markShipped(OrderSnapshot order, ActionInput input) {
        OrderStatus status = order.status();
        if (status != OrderStatus.PROCESSING) {
            return stepOrder(status == OrderStatus.NEW
                    ? "Start processing (prepare the item) before you mark the order shipped."
                    : "The order is already " + status + "; it cannot be marked shipped again.");
        }
        if (!order.addressConfirmed() || order.has(Condition.ADDRESS_ISSUE)) {
            return refuse(Rule.SM_ADDRESS_NOT_CONFIRMED, order.has(Condition.ADDRESS_ISSUE)
                    ? "The delivery address has an open issue; resolve and confirm it before shipping."
                    : "The delivery address has not been confirmed yet.");
        }
        if (order.shippingMethod() != ShippingMethod.LOCAL_DELIVERY && !order.hasTracking() && !input.bringsTracking()) {
            return refuse(Rule.SM_TRACKING_REQUIRED, "Marking shipped needs the carrier and the tracking number.");
        }
        return ALLOW;
    }

    private static Decision markDelivered(OrderSnapshot order, ActionInput input) {
        if (!order.status().isOnItsWay()) {
            return stepOrder("Mark the order shipped before you mark it delivered.");
        }
        return order.hasDeliveryEvidence() || input.bringsProofOfDelivery() ? ALLOW
                : refuse(Rule.SM_DELIVERY_NOT_CONFIRMED,
                        "There is no confirmation of delivery yet: no carrier delivery event, customer confirmation or proof of delivery.");
    }

    /** "Dispatchment order is in transit. International customs delay. Platform-wide delivery slowdown." */
    private static boolean letTheProcessWork(OrderSnapshot order) {
        return !order.status().isTerminal() && (order.status().isOnItsWay() || order.has(Condition.CUSTOMS_HOLD)
                || order.has(Condition.PLATFORM_SLOWDOWN));
    }

    private static String whyWait(OrderSnapshot order) {
        if (order.has(Condition.CUSTOMS_HOLD)) {
            return "The order is held by customs, which usually clears on its own.";
        }
        if (order.has(Condition.PLATFORM_SLOWDOWN)) {
            return "A platform-wide delivery slowdown covers this order.";
        }
        return "The order is on its way with the carrier.";
    }

    private static Decision terminal(OrderSnapshot order) {
        return refuse(Rule.ORDER_TERMINAL, "The order is " + order.status() + "; its status is final.");
    }

    private static Decision stepOrder(String reason) {
        return refuse(Rule.SM_STEP_ORDER, reason);
    }

    private static Decision nothingShipped(SellerAction action) {
        return refuse(Rule.NOTHING_SHIPPED_YET, "The order has not shipped yet, so there is nothing to "
                + (action == SellerAction.REFUND ? "refund" : "resend") + ".");
    }
}
