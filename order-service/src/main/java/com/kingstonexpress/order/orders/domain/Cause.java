package com.kingstonexpress.order.orders.domain;

/**
 * Why a status changed, as the history records it: a person's reason (a cancellation, a support correction), or
 * the id of the event that reported it (a fulfillment report), or nothing beyond the action itself.
 */
public record Cause(String reason, String sourceEventId) {

    public static final Cause NONE = new Cause(null, null);

    public static Cause reason(String reason) {
        return new Cause(reason, null);
    }

    public static Cause event(String sourceEventId) {
        return new Cause(null, sourceEventId);
    }
}
