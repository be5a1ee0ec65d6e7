package com.kingstonexpress.fulfillment.tracking.persistence;

import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.fulfillment.tracking.domain.SourceKind;

/** A parked center or carrier event as stored in the platform's parking table: who sent it, and what. */
public record ParkedReport(SourceKind source, String sourceId, ReceivedEvent event) {

    public Sender sender() {
        return new Sender(source, sourceId);
    }

    /** Unique like the tracking history's deduplication: (source, sender, event id). */
    public static String parkingId(Sender sender, ReceivedEvent event) {
        return sender.kind() + "/" + sender.id() + "/" + event.eventId();
    }
}
