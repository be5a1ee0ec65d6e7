package com.kingstonexpress.fulfillment.tracking.application;

import java.time.Clock;
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
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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
import com.kingstonexpress.fulfillment.tracking.domain.WebhookReceipt;
import com.kingstonexpress.fulfillment.tracking.events.StatusReported;
import com.kingstonexpress.fulfillment.tracking.persistence.FactKeys;
import com.kingstonexpress.fulfillment.tracking.persistence.TrackingStore;
import com.kingstonexpress.fulfillment.tracking.persistence.WebhookSignatures;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.parking.ParkedEvents;

/**
 * The one ingestion path of center and carrier events, whether they came by webhook or by Kafka: judge each
 * event, keep the refused ones for audit, store the accepted ones in the tracking history (deduplicated by
 * sender and event id), advance the shipment's normalized state and append a status report to the outbox,
 * all in the caller's one transaction.
 *
 * <p>An event for an order or a tracking number this service has not learned yet (order-service's event may
 * still be in flight) is parked, not rejected ({@link ParkEvent}), and applied by the transaction that registers
 * the order or the tracking number (order-service's events, or a center's hand-over here). Both sides lock the
 * fact's key first ({@link ParkedEvents}), so an event and its fact racing in either order end applied once.
 */
@ApplicationScoped
public class IngestTrackingEvents {

    private static final Logger LOG = Logger.getLogger(IngestTrackingEvents.class);

    @Inject
    TrackingStore store;
    @Inject
    Outbox outbox;
    @Inject
    WebhookSignatures signatures;
    @Inject
    ParkEvent parking;
    @Inject
    ParkedEvents parkedEvents;
    @Inject
    FactKeys factKeys;
    @Inject
    Clock clock;

    private final EventAdmission admission;

    @Inject
    IngestTrackingEvents(@ConfigProperty(name = "kx.fulfillment.clock-skew", defaultValue = "PT2M") Duration clockSkew) {
        this.admission = new EventAdmission(clockSkew);
    }

    /** The answer to a signed batch; {@code retry}: the same bytes were ingested before, and this is their answer. */
    public record Signed(WebhookReceipt receipt, boolean retry) {
    }

    /**
     * A signed webhook batch: ingested once per signature, and its answer ({@code answer} of the outcome) kept with
     * the signature in the same transaction. A retry of the same bytes gets that answer and stores nothing; one
     * racing the first waits for it to commit. Empty when the signature was used with other bytes (or before
     * answers were kept): refused, nothing stored.
     */
    @Transactional
    public Optional<Signed> signed(Sender sender, String signature, String bodySha256, List<ReceivedEvent> events,
            Function<BatchOutcome, WebhookReceipt> answer) {
        String key = sender.kind() + "/" + sender.id() + "/" + signature;
        WebhookSignatures.Use use = signatures.use(key, bodySha256);
        if (use.refused()) {
            return Optional.empty();
        }
        if (!use.first()) {
            return Optional.of(new Signed(use.receipt(), true));
        }
        WebhookReceipt receipt = answer.apply(ingest(sender, events));
        signatures.keep(key, receipt);
        return Optional.of(new Signed(receipt, false));
    }

    @Transactional
    public BatchOutcome ingest(Sender sender, List<ReceivedEvent> events) {
        Instant now = clock.instant();
        // Before anything is judged: a concurrent registration of these orders or tracking numbers either committed
        // (and is seen below) or waits for this batch, and then releases what it parks.
        parking.lockFactsNamed(sender, events);
        if (sender.kind() == SourceKind.CENTER) {
            // One query for the batch's orders instead of one per event.
            store.preloadOrders(events.stream().map(ReceivedEvent::orderId).filter(Objects::nonNull).distinct().toList());
        }
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
                rejection = admission.forCenter(sender.id(), store.orderFacts(orderId), event.type(), event.occurredAt(), now);
            } else {
                // Matched on (carrier, number), never the number alone: the first open claim owns it (EventAdmission#owner).
                List<TrackedOrder> claims = store.claimsOf(event.trackingNumber());
                orderId = EventAdmission.owner(sender.id(), claims, event.occurredAt()).map(c -> c.order().orderId()).orElse(null);
                rejection = admission.forCarrier(sender.id(), claims, event.type(), event.occurredAt(), now);
            }
            if (rejection.isPresent() && ParkEvent.awaitsFact(rejection.get())) {
                if (parking.park(sender, event, rejection.get())) {
                    parked++;
                } else {
                    duplicates++;
                }
            } else if (rejection.isPresent()) {
                store.keepRejected(sender, event, orderId, rejection.get(), null, now);
                rejected.add(new BatchOutcome.RejectedEvent(event.eventId(), rejection.get()));
                LOG.infof("tracking event %s from %s %s refused: %s", event.eventId(), sender.kind(),
                        Sender.loggable(sender.id()), rejection.get().name());
            } else {
                admittedByOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(event);
            }
        }
        int accepted = 0;
        // One locking query for the batch's shipments, in the same order-id order as before; and one for their event
        // numbers, so that the batch's status reports are written together at its commit, not one round trip each.
        store.lockShipments(admittedByOrder.keySet());
        outbox.reserve(admittedByOrder.keySet());
        // With the shipments locked, a concurrent batch carrying any of these events for these orders has committed:
        // one query finds every event stored before, and the batch's new ones go in one statement at the end.
        Set<String> known = store.storedEventIds(sender,
                admittedByOrder.values().stream().flatMap(List::stream).map(ReceivedEvent::eventId).toList());
        List<TrackingStore.NewEvent> toStore = new ArrayList<>();
        Set<String> handedOver = new TreeSet<>();
        for (Map.Entry<String, List<ReceivedEvent>> entry : admittedByOrder.entrySet()) {
            Applied applied = apply(sender, entry.getKey(), entry.getValue(), now, known, toStore);
            accepted += applied.accepted();
            duplicates += applied.duplicates();
            handedOver.addAll(applied.trackingFacts());
        }
        int stored = store.storeAll(sender, toStore, now);
        if (stored != toStore.size()) {
            // Another transaction stored one of these event ids for an order this one did not lock (the same id sent for
            // two orders at once). The states above assumed it new: undo all of it; the sender's retry sees it stored.
            throw new IllegalStateException(String.format("%d of %d tracking events from %s %s were stored by a concurrent batch; "
                    + "nothing of this batch is kept", toStore.size() - stored, toStore.size(), sender.kind(), Sender.loggable(sender.id())));
        }
        if (!handedOver.isEmpty()) {
            // A center handed parcels over: carrier events parked for those tracking numbers apply now, once the
            // shipments' new tracking is written. Once per batch, not per order: each flush dirty-checks the batch.
            store.flush();
            parkedEvents.release(handedOver);
        }
        return new BatchOutcome(accepted, duplicates, parked, rejected);
    }

    /** {@code trackingFacts}: the fact keys of the tracking this order's shipment learned (a center's hand-over). */
    private record Applied(int accepted, int duplicates, List<String> trackingFacts) {
    }

    /**
     * One order's admitted events, applied in arrival order under the shipment's lock. An event in {@code known} (stored
     * before, or earlier in this batch) is a duplicate; each new one is added to {@code known} and to {@code toStore}.
     */
    private Applied apply(Sender sender, String orderId, List<ReceivedEvent> events, Instant now, Set<String> known,
            List<TrackingStore.NewEvent> toStore) {
        int accepted = 0;
        int duplicates = 0;
        ShipmentState before = store.lockShipment(orderId);
        ShipmentState state = before;
        for (ReceivedEvent event : events) {
            String carrier = sender.kind() == SourceKind.CARRIER ? sender.id() : event.carrier();
            TrackingUpdate update = new TrackingUpdate(event.eventId(), FulfillmentEventType.valueOf(event.type()),
                    event.occurredAt(), carrier, event.trackingNumber());
            if (!known.add(event.eventId())) {
                duplicates++;
                continue;
            }
            Normalized normalized = StatusNormalizer.apply(state, update);
            toStore.add(new TrackingStore.NewEvent(orderId, event, carrier, normalized));
            accepted++;
            if (normalized.reportable()) {
                // A status advanced, a condition switched or the shipment learned its tracking: reported, and logged.
                outbox.append(StatusReported.TOPIC, orderId, StatusReported.of(orderId, sender, event, update, normalized));
                LOG.infof("tracking event %s for order %s: %s -> %s, conditions %s", event.eventId(), orderId, state.status(),
                        normalized.after().status(), normalized.after().activeConditions());
            }
            state = normalized.after();
        }
        if (!state.equals(before)) {
            store.saveShipment(orderId, state, now);
        }
        boolean handedOver = state.trackingNumber() != null && (!Objects.equals(state.trackingNumber(), before.trackingNumber())
                || !Objects.equals(state.carrier(), before.carrier()));
        return new Applied(accepted, duplicates,
                handedOver ? factKeys.trackingFacts(state.carrier(), state.trackingNumber()) : List.of());
    }
}
