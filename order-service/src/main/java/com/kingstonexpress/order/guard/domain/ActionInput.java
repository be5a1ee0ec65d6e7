package com.kingstonexpress.order.guard.domain;

/** What the seller sends with an action, as far as the rules care. */
public record ActionInput(boolean bringsTracking, boolean bringsProofOfDelivery) {

    public static final ActionInput NONE = new ActionInput(false, false);
}
