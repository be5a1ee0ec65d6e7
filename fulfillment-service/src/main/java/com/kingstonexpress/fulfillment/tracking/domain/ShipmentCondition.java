package com.kingstonexpress.fulfillment.tracking.domain;

/** Exceptions are conditions on a shipment, not statuses ("customs delay", "failed delivery", lost or damaged, returned). */
public enum ShipmentCondition {
    CUSTOMS_HOLD, DELIVERY_ATTEMPT_FAILED, EXCEPTION, RETURNED_TO_SENDER
}
