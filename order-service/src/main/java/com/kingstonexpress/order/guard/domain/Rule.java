package com.kingstonexpress.order.guard.domain;

/**
 * The guard's rules. Ids are published (API and README) and stay stable; each rule carries the next
 * sensible step for the seller.
 */
public enum Rule {
    /** "Dispatchment orders are hands-off." "Do not mark orders as shipped. Do not change delivery statuses." */
    DKE_HANDS_OFF_STATUS("Monitor the status. If it looks incorrect, contact support with the order ID."),
    /** "Do not cancel once processing begins." */
    DKE_NO_CANCEL_AFTER_PROCESSING("If the customer no longer wants the order, contact support with the order ID."),
    /** "Knowing when NOT to act ... Let the process work." */
    LET_THE_PROCESS_WORK("No action is needed now. Monitor the order and keep the customer informed calmly."),
    /** "Only mark progress when actions are completed." */
    SM_STEP_ORDER("Move the order one step at a time: processing, shipped, in transit, delivered."),
    /** "Shipping without confirming address." */
    SM_ADDRESS_NOT_CONFIRMED("Confirm the delivery address (confirm-address), then mark the order shipped."),
    /** Shipping needs a way for the customer to follow the parcel, except for local delivery. */
    SM_TRACKING_REQUIRED("Send the carrier and tracking number with mark-shipped, or add them first with add-tracking."),
    /** "Never mark delivered without confirmation." "Marking delivered too early." */
    SM_DELIVERY_NOT_CONFIRMED("Send a proof-of-delivery reference, or wait for the carrier's delivery event or the customer's confirmation."),
    /** "Cancelling orders prematurely": once a seller-managed parcel has left, it cannot be cancelled. */
    SM_NO_CANCEL_AFTER_SHIPPED("Wait for the delivery; if the customer wants to return it, handle it as a refund."),
    /** Delivered and cancelled orders are final. */
    ORDER_TERMINAL("Messages and support tickets still work. If the status is wrong, contact support with the order ID."),
    /** Refund and resend are remedies for a shipment; before shipping the order can be cancelled instead (our decision). */
    NOTHING_SHIPPED_YET("Nothing has left yet. If the customer no longer wants the order, cancel it while that is still allowed, or contact support."),
    /** Seller actions are the seller's: other actors change orders through their own channels (our decision). */
    SELLER_ACTION_ONLY("Use the channel meant for your role (fulfillment events, customer confirmations or status corrections)."),
    /** "Support agents may correct any status with a mandatory reason; it is recorded as such." */
    SUPPORT_AGENT_ONLY("Ask Kingston Express support to correct the status; include the order ID."),
    /**
     * A tracking number follows one parcel: another open order already uses the same carrier and number, so the
     * carrier's scans could not tell the two apart and one order could borrow the other's delivery (our decision).
     */
    TRACKING_NUMBER_IN_USE("Check the carrier and tracking number on the label; if they are right, contact support with the order ID."),
    /** A correction must change something, otherwise the audit trail records noise (our decision). */
    CORRECTION_SAME_STATUS("The order already has this status; no correction is needed.");

    private final String hint;

    Rule(String hint) {
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
