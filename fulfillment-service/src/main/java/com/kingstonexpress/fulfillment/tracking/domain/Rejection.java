package com.kingstonexpress.fulfillment.tracking.domain;

/** Why an event is refused. Refused events are kept for audit and never applied. */
public enum Rejection {
    UNKNOWN_ORDER("unknown order"),
    SELLER_MANAGED_ORDER("center events do not apply to seller-managed orders"),
    NOT_ASSIGNED_TO_CENTER("order not assigned to this center"),
    UNKNOWN_TRACKING_NUMBER("unknown tracking number"),
    /** No longer given (a number now belongs to its first open claim); kept for the refusals stored with it. */
    AMBIGUOUS_TRACKING_NUMBER("tracking number is used by more than one order"),
    TRACKING_OF_ANOTHER_CARRIER("tracking number belongs to another carrier"),
    UNKNOWN_EVENT_TYPE("unknown event type"),
    OCCURRED_IN_THE_FUTURE("occurredAt is in the future"),
    OCCURRED_BEFORE_ORDER_PLACED("occurredAt is before the order was placed"),
    /**
     * Not a judgement on arrival: an event for an order or tracking number not known yet is parked (not rejected)
     * and applied once it is known; if it is not known within the parking period, the event ends here.
     */
    PARKED_EXPIRED("kept waiting for the order or tracking number it names, which did not arrive in time");

    private final String reason;

    Rejection(String reason) {
        this.reason = reason;
    }

    /** The plain-language reason given back to the sender. */
    public String reason() {
        return reason;
    }
}
