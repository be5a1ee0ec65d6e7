package com.kingstonexpress.fulfillment.tracking.domain;

import java.util.List;

/** What became of each event of a batch: counted as accepted or duplicate, or rejected with its reason. */
public record BatchOutcome(int accepted, int duplicates, List<RejectedEvent> rejected) {

    public record RejectedEvent(String eventId, Rejection rejection) {
    }
}
