package com.kingstonexpress.order.orders.api;

import java.util.List;

/** "What may I do now?" for one order: every seller action, refused ones with their rule. */
public record ActionsView(String orderId, long version, List<Action> actions) {

    public record Action(String action, boolean allowed, String ruleId, String reason, String hint) {
    }
}
