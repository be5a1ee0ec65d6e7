package com.kingstonexpress.fulfillment.tracking.application;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;
import com.kingstonexpress.fulfillment.tracking.domain.Rejection;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.fulfillment.tracking.domain.SourceKind;
import com.kingstonexpress.fulfillment.tracking.persistence.FactKeys;
import com.kingstonexpress.fulfillment.tracking.persistence.ParkedReport;
import com.kingstonexpress.platform.parking.ParkedEvents;

/**
 * Parks a center or carrier event whose order or tracking number is not known yet, keyed by the fact it waits
 * for: {@code order:<orderId>} (center events) or {@code tracking:<carrierCode>:<trackingNumber>} (carrier events).
 * {@link ReplayParkedEvents} applies it once the fact is registered, or keeps it as refused when it expires.
 */
@ApplicationScoped
public class ParkEvent {

    private static final Logger LOG = Logger.getLogger(ParkEvent.class);

    @Inject
    ParkedEvents parkedEvents;
    @Inject
    FactKeys factKeys;
    @Inject
    ObjectMapper json;

    /** The order or tracking number is not known yet; it may be soon (its event can be overtaken by this one). */
    static boolean awaitsFact(Rejection rejection) {
        return rejection == Rejection.UNKNOWN_ORDER || rejection == Rejection.UNKNOWN_TRACKING_NUMBER;
    }

    /** Locks the facts the batch names or may register: its orders (center) or tracking numbers (carrier, hand-overs). */
    @Transactional(Transactional.TxType.MANDATORY)
    void lockFactsNamed(Sender sender, List<ReceivedEvent> events) {
        Set<String> keys = new TreeSet<>();
        for (ReceivedEvent event : events) {
            if (sender.kind() == SourceKind.CENTER) {
                keys.add(FactKeys.order(event.orderId()));
                if (event.trackingNumber() != null) {
                    keys.addAll(factKeys.trackingFacts(event.carrier(), event.trackingNumber()));
                }
            } else {
                keys.add(FactKeys.tracking(sender.id(), event.trackingNumber()));
            }
        }
        parkedEvents.lock(keys);
    }

    /** @return false when this event is already parked: a duplicate */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean park(Sender sender, ReceivedEvent event, Rejection awaiting) {
        String fact = sender.kind() == SourceKind.CENTER ? FactKeys.order(event.orderId())
                : FactKeys.tracking(sender.id(), event.trackingNumber());
        boolean parked = parkedEvents.park(ReplayParkedEvents.CONSUMER, ParkedReport.parkingId(sender, event), fact,
                write(new ParkedReport(sender.kind(), sender.id(), event)), awaiting.reason());
        if (parked) {
            LOG.infof("tracking event %s from %s %s parked: %s", event.eventId(), sender.kind(), Sender.loggable(sender.id()),
                    awaiting.name());
        }
        return parked;
    }

    private String write(ParkedReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
