package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

/**
 * The one ingestion path of center and carrier events, whether they came by webhook or by Kafka: judge each
 * event, keep the refused ones for audit, store the accepted ones in the tracking history (deduplicated by
 * sender and event id), advance the shipment's normalized state and append a status report to the outbox,
 * all in the caller's one transaction.
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
            if (rejection.isPresent()) {
                keepRejected(sender, event, orderId, rejection.get(), now);
                rejected.add(new BatchOutcome.RejectedEvent(event.eventId(), rejection.get()));
            } else {
                admittedByOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(event);
            }
        }
        int accepted = 0;
        int duplicates = 0;
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
        }
        return new BatchOutcome(accepted, duplicates, rejected);
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
        em.persist(record);
    }
}
