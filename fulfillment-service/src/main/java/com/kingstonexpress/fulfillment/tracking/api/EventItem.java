package com.kingstonexpress.fulfillment.tracking.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;

/** One event of a webhook batch, whatever its sender: its free {@code details}, and the event as ingestion takes it. */
public interface EventItem {

    JsonNode details();

    /** @param senderId the center id or carrier code of the request path */
    ReceivedEvent received(String senderId);

    /** A webhook batch body: {@code {"events":[...]}}. */
    interface Batch<I extends EventItem> {
        List<I> events();
    }
}
