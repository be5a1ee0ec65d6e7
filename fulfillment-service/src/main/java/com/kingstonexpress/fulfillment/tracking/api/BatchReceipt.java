package com.kingstonexpress.fulfillment.tracking.api;

import java.util.List;

import com.kingstonexpress.fulfillment.tracking.domain.BatchOutcome;

/**
 * The 202 answer to a batch, given once it is durably stored: counts, and each refused event with its reason.
 * {@code parked}: events naming an order or tracking number not known yet, kept and applied as soon as it is
 * (the sender need not resend them).
 */
public record BatchReceipt(int accepted, int duplicates, int parked, List<RejectedItem> rejected) {

    /** {@code reason} in plain language; {@code code} is the stable name of the rule that refused it. */
    public record RejectedItem(String eventId, String reason, String code) {
    }

    static BatchReceipt of(BatchOutcome outcome) {
        return new BatchReceipt(outcome.accepted(), outcome.duplicates(), outcome.parked(), outcome.rejected().stream()
                .map(r -> new RejectedItem(r.eventId(), r.rejection().reason(), r.rejection().name()))
                .toList());
    }
}
