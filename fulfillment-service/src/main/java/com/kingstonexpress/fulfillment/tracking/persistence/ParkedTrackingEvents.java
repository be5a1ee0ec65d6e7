package com.kingstonexpress.fulfillment.tracking.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.parking.ParkedEvent;
import com.kingstonexpress.platform.parking.ParkedEventHandler;

/**
 * Center and carrier events parked by {@link TrackingStore} until their order or tracking number is known:
 * released, they go through the same ingestion as on arrival (judged again, deduplicated, reported); expired,
 * they are kept as a rejected event ({@code PARKED_EXPIRED}), which support agents see on the tracking view.
 */
@ApplicationScoped
public class ParkedTrackingEvents implements ParkedEventHandler {

    public static final String CONSUMER = "fulfillment-service.tracking";

    @Inject
    TrackingStore store;
    @Inject
    ObjectMapper json;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void resume(ParkedEvent parked) {
        ParkedReport report = read(parked);
        store.ingest(report.sender(), List.of(report.event()));
    }

    @Override
    public void expired(ParkedEvent parked) {
        ParkedReport report = read(parked);
        store.keepExpired(report.sender(), report.event(), parked.reason() + ": parked at " + parked.parkedAt()
                + ", expired at " + parked.expiresAt() + " without it becoming known");
    }

    String write(ParkedReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ParkedReport read(ParkedEvent parked) {
        try {
            return json.readValue(parked.payload(), ParkedReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked event " + parked.eventId() + " is unreadable", e);
        }
    }
}
