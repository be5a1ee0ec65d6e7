package com.kingstonexpress.order.guard.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a seller can ask to do to an order, named in the API path form ({@code mark-shipped}). */
public enum SellerAction {
    START_PROCESSING, CONFIRM_ADDRESS, ADD_TRACKING, MARK_SHIPPED, MARK_IN_TRANSIT, MARK_DELIVERED, CANCEL, REFUND, RESEND;

    public String pathName() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<SellerAction> fromPathName(String pathName) {
        return Arrays.stream(values()).filter(a -> a.pathName().equals(pathName)).findFirst();
    }

    /** Moves the order along its status path (as opposed to recording a fact or asking for a remedy). */
    public boolean changesStatus() {
        return this == START_PROCESSING || this == MARK_SHIPPED || this == MARK_IN_TRANSIT || this == MARK_DELIVERED
                || this == CANCEL;
    }
}
