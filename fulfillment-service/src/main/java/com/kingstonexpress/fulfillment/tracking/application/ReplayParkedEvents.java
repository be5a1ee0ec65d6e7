package com.kingstonexpress.fulfillment.tracking.application;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.tracking.domain.Rejection;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.fulfillment.tracking.domain.SourceKind;
import com.kingstonexpress.fulfillment.tracking.persistence.ParkedReport;
import com.kingstonexpress.fulfillment.tracking.persistence.TrackingStore;
import com.kingstonexpress.platform.parking.ParkedEvent;
import com.kingstonexpress.platform.parking.ParkedEventHandler;

/**
 * Center and carrier events parked by {@link ParkEvent} until their order or tracking number is known:
 * released, they go through the same ingestion as on arrival (judged again, deduplicated, reported); expired,
 * they are kept as a rejected event ({@code PARKED_EXPIRED}), which support agents see on the tracking view.
 */
@ApplicationScoped
public class ReplayParkedEvents implements ParkedEventHandler {

    public static final String CONSUMER = "fulfillment-service.tracking";
    private static final Logger LOG = Logger.getLogger(ReplayParkedEvents.class);

    @Inject
    IngestTrackingEvents ingestion;
    @Inject
    TrackingStore store;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void resume(ParkedEvent parked) {
        ParkedReport report = read(parked);
        ingestion.ingest(report.sender(), List.of(report.event()));
    }

    /** A parked event whose order or tracking number never became known: kept with the other refused events. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void expired(ParkedEvent parked) {
        ParkedReport report = read(parked);
        Sender sender = report.sender();
        String orderId = sender.kind() == SourceKind.CENTER ? report.event().orderId() : null;
        store.keepRejected(sender, report.event(), orderId, Rejection.PARKED_EXPIRED, parked.reason() + ": parked at "
                + parked.parkedAt() + ", expired at " + parked.expiresAt() + " without it becoming known", clock.instant());
        LOG.infof("tracking event %s from %s %s expired while parked", report.event().eventId(), sender.kind(),
                Sender.loggable(sender.id()));
    }

    private ParkedReport read(ParkedEvent parked) {
        try {
            return json.readValue(parked.payload(), ParkedReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked event " + parked.eventId() + " is unreadable", e);
        }
    }
}
