package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.query.QueryFlushMode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.tracking.domain.Normalized;
import com.kingstonexpress.fulfillment.tracking.domain.OrderFacts;
import com.kingstonexpress.fulfillment.tracking.domain.ReceivedEvent;
import com.kingstonexpress.fulfillment.tracking.domain.Rejection;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentState;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentStatus;
import com.kingstonexpress.fulfillment.tracking.domain.TrackedOrder;

/**
 * Storage of the tracking history: the orders and shipments events are judged against, the accepted events
 * (deduplicated by sender and event id), and the refused ones kept for audit. Every write joins the caller's
 * transaction; the ingestion use case ({@code tracking.application.IngestTrackingEvents}) decides what is written.
 */
@ApplicationScoped
public class TrackingStore {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** What the rules need to know of an order, or null when this service has not learned it (yet). */
    public OrderFacts orderFacts(String orderId) {
        ProjectedOrder order = em.find(ProjectedOrder.class, orderId);
        return order == null ? null : order.facts();
    }

    /**
     * Every claim of this tracking number, whatever the carrier: the orders whose shipment has it, each with its
     * carrier, when it was claimed and whether that parcel was delivered. {@code EventAdmission#owner} picks one.
     */
    public List<TrackedOrder> claimsOf(String trackingNumber) {
        List<Object[]> rows = em.createQuery(
                "SELECT o, s FROM Shipment s, ProjectedOrder o WHERE o.orderId = s.orderId AND s.trackingNumber = :t",
                Object[].class)
                .setParameter("t", trackingNumber)
                .getResultList();
        return rows.stream().map(r -> {
            Shipment s = (Shipment) r[1];
            Instant claimedAt = s.trackingClaimedAt != null ? s.trackingClaimedAt : s.updatedAt;
            return new TrackedOrder(((ProjectedOrder) r[0]).facts(), s.carrier, claimedAt, s.status == ShipmentStatus.DELIVERED,
                    s.newestOccurredAt);
        }).toList();
    }

    /**
     * Loads the orders a batch names in one query, so that {@link #orderFacts} finds them in the persistence context
     * instead of reading one row per event.
     */
    public void preloadOrders(Collection<String> orderIds) {
        for (List<String> chunk : chunks(orderIds)) {
            em.createQuery("SELECT o FROM ProjectedOrder o WHERE o.orderId IN :ids", ProjectedOrder.class)
                    .setParameter("ids", chunk)
                    .getResultList();
        }
    }

    /**
     * Locks the shipments of these orders in one query, in order-id order (the order every batch locks in, so
     * concurrent batches never deadlock); {@link #lockShipment} then finds each one already locked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShipments(Collection<String> orderIds) {
        for (List<String> chunk : chunks(new TreeSet<>(orderIds))) {
            em.createQuery("SELECT s FROM Shipment s WHERE s.orderId IN :ids ORDER BY s.orderId", Shipment.class)
                    .setParameter("ids", chunk)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
        }
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return chunks;
    }

    /** The shipment's normalized state, its row locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ShipmentState lockShipment(String orderId) {
        return em.find(Shipment.class, orderId, LockModeType.PESSIMISTIC_WRITE).state(json);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void saveShipment(String orderId, ShipmentState state, Instant now) {
        em.find(Shipment.class, orderId).record(state, json, now);
    }

    /** Makes what was written visible to the statements that follow (the release of parked events). */
    public void flush() {
        em.flush();
    }

    /** @return false when this sender already reported this event id: a duplicate, stored once only */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeOnce(Sender sender, String orderId, ReceivedEvent event, String carrier, Normalized normalized,
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
                // Touches tracking_event only, which no entity here writes: so no flush first. Hibernate would otherwise
                // dirty-check the whole persistence context before every insert (even with the query space named),
                // and that grows with the batch: 16% of a 500-event webhook's CPU.
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("tracking_event")
                .setQueryFlushMode(QueryFlushMode.NO_FLUSH)
                .executeUpdate() == 1;
    }

    /**
     * Keeps a refused event for audit. {@code orderId}: the order it was refused for, or null (a carrier event
     * naming no single order: agents find it by tracking number); {@code reason} overrides the rejection's text.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepRejected(Sender sender, ReceivedEvent event, String orderId, Rejection rejection, String reason,
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
        record.reason = reason != null ? reason : rejection.reason();
        try {
            record.event = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        record.receivedAt = now;
        em.persist(record);
    }
}
