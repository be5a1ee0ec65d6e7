package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.tracking.domain.BatchOutcome;
import com.kingstonexpress.fulfillment.tracking.domain.EventAdmission;
import com.kingstonexpress.fulfillment.tracking.domain.FulfillmentEventType;
import com.kingstonexpress.fulfillment.tracking.domain.Normalized;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;
import com.kingstonexpress.fulfillment.tracking.domain.Rejection;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentState;
import com.kingstonexpress.fulfillment.tracking.domain.SourceKind;
import com.kingstonexpress.fulfillment.tracking.domain.StatusNormalizer;
import com.kingstonexpress.fulfillment.tracking.domain.TrackedOrder;
import com.kingstonexpress.fulfillment.tracking.domain.TrackingUpdate;
import com.kingstonexpress.fulfillment.tracking.events.StatusReported;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.parking.ParkedEvents;

/**
 * The one ingestion path of center and carrier events, whether they came by webhook or by Kafka: judge each
 * event, keep the refused ones for audit, store the accepted ones in the tracking history (deduplicated by
 * sender and event id), advance the shipment's normalized state and append a status report to the outbox,
 * all in the caller's one transaction.
 *
 * <p>An event for an order or a tracking number this service has not learned yet (order-service's event may
 * still be in flight) is parked, not rejected: it is kept in the same transaction, and applied by the
 * transaction that registers the order ({@link OrderProjection#placed}) or the tracking number
 * ({@link OrderProjection#trackingAdded}, or a center's hand-over here). Both sides lock the fact's key first
 * ({@link ParkedEvents}), so an event and its fact racing in either order end applied once.
 */
@ApplicationScoped
public class TrackingStore {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;
    @Inject
    WebhookSignatures signatures;
    @Inject
    ParkedEvents parkedEvents;
    @Inject
    ParkedTrackingEvents parkedHandler;
    @Inject
    FactKeys factKeys;

    private final EventAdmission admission;

    @Inject
    TrackingStore(@ConfigProperty(name = "kx.fulfillment.clock-skew", defaultValue = "PT2M") Duration clockSkew) {
        this.admission = new EventAdmission(clockSkew);
    }

    /**
     * A signed webhook batch: stored once per signature. Empty when the signature was already used (a
     * replay), in which case nothing is stored.
     */
    @Transactional
    public Optional<BatchOutcome> ingestSigned(Sender sender, String signature, List<ReceivedEvent> events) {
        if (!signatures.firstUse(sender.kind() + "/" + sender.id() + "/" + signature)) {
            return Optional.empty();
        }
        return Optional.of(ingest(sender, events));
    }

    @Transactional
    public BatchOutcome ingest(Sender sender, List<ReceivedEvent> events) {
        Instant now = Instant.now();
        // Before anything is judged: a concurrent registration of these orders or tracking numbers either committed
        // (and is seen below) or waits for this batch, and then releases what it parks.
        parkedEvents.lock(factsNamed(sender, events));
        int parked = 0;
        int duplicates = 0;
        List<BatchOutcome.RejectedEvent> rejected = new ArrayList<>();
        // Shipments are locked in order-id order, so concurrent batches never deadlock on each other.
        Map<String, List<ReceivedEvent>> admittedByOrder = new TreeMap<>();
        for (ReceivedEvent event : events) {
            String orderId;
            Optional<Rejection> rejection;
            if (sender.kind() == SourceKind.CENTER) {
                orderId = event.orderId();
                ProjectedOrder order = em.find(ProjectedOrder.class, orderId);
                rejection = admission.forCenter(sender.id(), order == null ? null : order.facts(), event.type(),
                        event.occurredAt(), now);
            } else {
                List<TrackedOrder> matches = ordersTrackedAs(event.trackingNumber());
                orderId = matches.size() == 1 ? matches.get(0).order().orderId() : null;
                rejection = admission.forCarrier(sender.id(), matches, event.type(), event.occurredAt(), now);
            }
            if (rejection.isPresent() && awaitsFact(rejection.get())) {
                String awaiting = sender.kind() == SourceKind.CENTER ? FactKeys.order(event.orderId())
                        : FactKeys.tracking(sender.id(), event.trackingNumber());
                if (parkedEvents.park(ParkedTrackingEvents.CONSUMER, ParkedReport.parkingId(sender, event), awaiting,
                        parkedHandler.write(new ParkedReport(sender.kind(), sender.id(), event)), rejection.get().reason())) {
                    parked++;
                } else {
                    duplicates++;
                }
            } else if (rejection.isPresent()) {
                keepRejected(sender, event, orderId, rejection.get(), now);
                rejected.add(new BatchOutcome.RejectedEvent(event.eventId(), rejection.get()));
            } else {
                admittedByOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(event);
            }
        }
        int accepted = 0;
        for (Map.Entry<String, List<ReceivedEvent>> entry : admittedByOrder.entrySet()) {
            Shipment shipment = em.find(Shipment.class, entry.getKey(), LockModeType.PESSIMISTIC_WRITE);
            ShipmentState before = shipment.state(json);
            ShipmentState state = before;
            for (ReceivedEvent event : entry.getValue()) {
                String carrier = sender.kind() == SourceKind.CARRIER ? sender.id() : event.carrier();
                TrackingUpdate update = new TrackingUpdate(event.eventId(), FulfillmentEventType.valueOf(event.type()),
                        event.occurredAt(), carrier, event.trackingNumber());
                Normalized normalized = StatusNormalizer.apply(state, update);
                if (!storeOnce(sender, entry.getKey(), event, carrier, normalized, now)) {
                    duplicates++;
                    continue;
                }
                accepted++;
                state = normalized.after();
                if (normalized.reportable()) {
                    outbox.append(StatusReported.TOPIC, StatusReported.TYPE, entry.getKey(),
                            report(sender, entry.getKey(), update, event, normalized));
                }
            }
            if (!state.equals(before)) {
                shipment.record(state, json);
            }
            if (state.trackingNumber() != null && (!Objects.equals(state.trackingNumber(), before.trackingNumber())
                    || !Objects.equals(state.carrier(), before.carrier()))) {
                // A center handed the parcel over: carrier events parked for that tracking number apply now.
                em.flush();
                parkedEvents.release(factKeys.trackingFacts(state.carrier(), state.trackingNumber()));
            }
        }
        return new BatchOutcome(accepted, duplicates, parked, rejected);
    }

    /** The order or tracking number is not known yet; it may be soon (its event can be overtaken by this one). */
    private static boolean awaitsFact(Rejection rejection) {
        return rejection == Rejection.UNKNOWN_ORDER || rejection == Rejection.UNKNOWN_TRACKING_NUMBER;
    }

    /** The facts the batch names or may register: its orders (center) or tracking numbers (carrier, hand-overs). */
    private Set<String> factsNamed(Sender sender, List<ReceivedEvent> events) {
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
        return keys;
    }

    /** A parked event whose order or tracking number never became known: kept with the other refused events. */
    @Transactional(Transactional.TxType.MANDATORY)
    void keepExpired(Sender sender, ReceivedEvent event, String reason) {
        String orderId = sender.kind() == SourceKind.CENTER ? event.orderId() : null;
        RejectedEventRecord record = rejectedRecord(sender, event, orderId, Rejection.PARKED_EXPIRED, Instant.now());
        record.reason = reason;
        em.persist(record);
    }

    private List<TrackedOrder> ordersTrackedAs(String trackingNumber) {
        List<Object[]> rows = em.createQuery(
                "SELECT o, s.carrier FROM Shipment s, ProjectedOrder o WHERE o.orderId = s.orderId AND s.trackingNumber = :t",
                Object[].class)
                .setParameter("t", trackingNumber)
                .getResultList();
        return rows.stream().map(r -> new TrackedOrder(((ProjectedOrder) r[0]).facts(), (String) r[1])).toList();
    }

    /** @return false when this sender already reported this event id: a duplicate, stored once only */
    private boolean storeOnce(Sender sender, String orderId, ReceivedEvent event, String carrier, Normalized normalized,
            Instant now) {
        return em.createNativeQuery("""
                INSERT INTO tracking_event (order_id, source, source_id, event_id, event_type, occurred_at, received_at,
                    late, reported, carrier, tracking_number, location, proof, details)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                ON CONFLICT ON CONSTRAINT tracking_event_once DO NOTHING""")
                .setParameter(1, orderId)
                .setParameter(2, sender.kind().name())
                .setParameter(3, sender.id())
                .setParameter(4, event.eventId())
                .setParameter(5, event.type())
                .setParameter(6, event.occurredAt())
                .setParameter(7, now)
                .setParameter(8, normalized.late())
                .setParameter(9, normalized.reportable())
                .setParameter(10, carrier)
                .setParameter(11, event.trackingNumber())
                .setParameter(12, event.location())
                .setParameter(13, event.proof())
                .setParameter(14, event.details())
                .executeUpdate() == 1;
    }

    private static StatusReported report(Sender sender, String orderId, TrackingUpdate update, ReceivedEvent event,
            Normalized normalized) {
        ShipmentState after = normalized.after();
        return new StatusReported(orderId, sender.kind(), sender.id(), event.eventId(), update.type(), event.occurredAt(),
                normalized.late(), update.carrier() != null ? update.carrier() : after.carrier(),
                update.trackingNumber() != null ? update.trackingNumber() : after.trackingNumber(),
                event.proof(), event.location(), after.status(), List.copyOf(after.activeConditions()));
    }

    private void keepRejected(Sender sender, ReceivedEvent event, String orderId, Rejection rejection, Instant now) {
        em.persist(rejectedRecord(sender, event, orderId, rejection, now));
    }

    private RejectedEventRecord rejectedRecord(Sender sender, ReceivedEvent event, String orderId, Rejection rejection,
            Instant now) {
        RejectedEventRecord record = new RejectedEventRecord();
        record.source = sender.kind();
        record.sourceId = sender.id();
        record.eventId = event.eventId();
        record.orderId = orderId;
        record.trackingNumber = event.trackingNumber();
        record.eventType = event.type();
        record.occurredAt = event.occurredAt();
        record.reasonCode = rejection;
        record.reason = rejection.reason();
        try {
            record.event = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        record.receivedAt = now;
        return record;
    }
}
