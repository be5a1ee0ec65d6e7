package com.kingstonexpress.fulfillment.tracking.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.agroal.api.AgroalDataSource;

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
    AgroalDataSource dataSource;
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
            em.unwrap(Session.class)
                    .createSelectionQuery("SELECT o FROM ProjectedOrder o WHERE o.orderId IN :ids", ProjectedOrder.class)
                    .setParameterList("ids", chunk)
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
            em.unwrap(Session.class)
                    .createSelectionQuery("SELECT s FROM Shipment s WHERE s.orderId IN :ids ORDER BY s.orderId", Shipment.class)
                    .setParameterList("ids", chunk)
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

    /** An accepted event to store in the tracking history, as judged. */
    public record NewEvent(String orderId, ReceivedEvent event, String carrier, Normalized normalized) {
    }

    /** Which of {@code eventIds} this sender reported before: one query for a whole batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> storedEventIds(Sender sender, Collection<String> eventIds) {
        Set<String> stored = new HashSet<>();
        if (eventIds.isEmpty()) {
            return stored;
        }
        // JDBC on the transaction's connection: tracking_event is no entity's table, so nothing needs flushing first.
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT event_id FROM tracking_event WHERE source = ? AND source_id = ? AND event_id = ANY(?::text[])")) {
            q.setString(1, sender.kind().name());
            q.setString(2, sender.id());
            q.setArray(3, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the tracking history", e);
        }
    }

    /**
     * Stores a batch's accepted events in one statement, in their order; an event this sender already reported is
     * skipped (the unique constraint).
     *
     * @return how many were stored: fewer than given when another transaction stored one of them first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int storeAll(Sender sender, List<NewEvent> events, Instant now) {
        if (events.isEmpty()) {
            return 0;
        }
        // One column array per field; no entity's table is touched, so Hibernate need not flush (it would dirty-check
        // the batch's whole persistence context first).
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO tracking_event (order_id, source, source_id, event_id, event_type, occurred_at, received_at,
                            late, reported, carrier, tracking_number, location, proof, details)
                        SELECT e.order_id, ?, ?, e.event_id, e.event_type, e.occurred_at::timestamptz, ?, e.late, e.reported, e.carrier,
                            e.tracking_number, e.location, e.proof, e.details
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                            AS e(order_id, event_id, event_type, occurred_at, late, reported, carrier, tracking_number, location,
                            proof, details, position)
                        ORDER BY e.position
                        ON CONFLICT ON CONSTRAINT tracking_event_once DO NOTHING""")) {
            insert.setString(1, sender.kind().name());
            insert.setString(2, sender.id());
            insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setArray(4, c.createArrayOf("text", column(events, NewEvent::orderId)));
            insert.setArray(5, c.createArrayOf("text", column(events, e -> e.event().eventId())));
            insert.setArray(6, c.createArrayOf("text", column(events, e -> e.event().type())));
            insert.setArray(7, c.createArrayOf("text", column(events, e -> e.event().occurredAt().toString())));
            insert.setArray(8, c.createArrayOf("bool", column(events, e -> e.normalized().late())));
            insert.setArray(9, c.createArrayOf("bool", column(events, e -> e.normalized().reportable())));
            insert.setArray(10, c.createArrayOf("text", column(events, NewEvent::carrier)));
            insert.setArray(11, c.createArrayOf("text", column(events, e -> e.event().trackingNumber())));
            insert.setArray(12, c.createArrayOf("text", column(events, e -> e.event().location())));
            insert.setArray(13, c.createArrayOf("text", column(events, e -> e.event().proof())));
            insert.setArray(14, c.createArrayOf("text", column(events, e -> e.event().details())));
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store tracking events", e);
        }
    }

    private static Object[] column(List<NewEvent> events, Function<NewEvent, Object> field) {
        return events.stream().map(field).toArray();
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
