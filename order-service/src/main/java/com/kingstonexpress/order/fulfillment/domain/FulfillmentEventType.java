package com.kingstonexpress.order.fulfillment.domain;

/** What centers and carriers report about a shipment. */
public enum FulfillmentEventType {
    PICKED, PACKED, HANDED_TO_CARRIER, IN_TRANSIT, CUSTOMS_HOLD, CUSTOMS_CLEARED, OUT_FOR_DELIVERY,
    DELIVERY_ATTEMPT_FAILED, DELIVERED, RETURNED_TO_SENDER, EXCEPTION
}
