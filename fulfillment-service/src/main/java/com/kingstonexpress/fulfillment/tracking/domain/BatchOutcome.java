package com.kingstonexpress.fulfillment.tracking.domain;

import java.util.List;

/**
 * What became of each event of a batch: counted as accepted, duplicate or parked (kept until the order or
 * tracking number it names is known, then applied), or rejected with its reason.
 */
public record BatchOutcome(int accepted, int duplicates, int parked, List<RejectedEvent> rejected) {

    public record RejectedEvent(String eventId, Rejection rejection) {
    }
}
