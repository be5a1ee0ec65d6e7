package com.kingstonexpress.fulfillment.tracking.domain;

/**
 * The result of applying one event to a shipment.
 *
 * @param late             the event occurred before the newest event already applied to the shipment
 * @param statusAdvanced   the normalized status moved forward
 * @param conditionsChanged at least one condition switched on or off
 * @param trackingLearned  the shipment learned its carrier and tracking number from this event
 */
public record Normalized(ShipmentState after, boolean late, boolean statusAdvanced, boolean conditionsChanged,
        boolean trackingLearned) {

    /** Worth a status report: duplicates and events that change nothing are only kept in the history. */
    public boolean reportable() {
        return statusAdvanced || conditionsChanged || trackingLearned;
    }
}
