package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.tracking.domain.OrderType;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.parking.ParkedEvents;
import com.kingstonexpress.platform.persistence.KnownAbsent;

/**
 * Keeps this service's view of orders (and their shipments) from order-service's events. Registering an order
 * or a tracking number applies, in the same transaction, the center and carrier events parked for it.
 */
@ApplicationScoped
public class OrderProjection {

    private static final Logger LOG = Logger.getLogger(OrderProjection.class);
    /** The transaction's resource naming orders {@link #lookUp} found unregistered (and not registered since). */
    private static final String UNREGISTERED = OrderProjection.class.getName() + ".unregistered";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    ParkedEvents parked;
    @Inject
    FactKeys factKeys;
    @Inject
    Clock clock;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Finds in one statement which of a poll's orders are registered already, so that {@link #placed} looks up none
     * of the others again. Call it after locking the orders' facts: registering takes that lock, so what it finds
     * holds until the transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lookUp(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        KnownAbsent.record(transactions, UNREGISTERED, orderIds,
                em.unwrap(Session.class)
                        .createSelectionQuery("SELECT o.orderId FROM ProjectedOrder o WHERE o.orderId IN :ids", String.class)
                        .setParameterList("ids", orderIds)
                        .getResultList());
    }

    /** An order was placed: it gets an empty shipment, ready for its center's and carrier's events. */
    @Transactional
    public void placed(String orderId, String sellerId, OrderType type, String fulfillmentCenterId, String country,
            String region, Instant placedAt) {
        // First: a center event for this order being judged now is either committed (parked: released below) or
        // waits and then finds the order.
        String fact = FactKeys.order(orderId);
        parked.lock(fact);
        if (!KnownAbsent.take(transactions, UNREGISTERED, orderId) && em.find(ProjectedOrder.class, orderId) != null) {
            return;
        }
        ProjectedOrder order = new ProjectedOrder();
        order.orderId = orderId;
        order.sellerId = sellerId;
        order.orderType = type;
        order.fulfillmentCenterId = fulfillmentCenterId;
        order.country = country;
        order.region = region;
        order.placedAt = placedAt;
        order.recordedAt = clock.instant();
        em.persist(order);
        em.persist(Shipment.of(orderId, json, clock.instant()));
        // order-service logs each placement; at INFO this line added one more (a write) to every create.
        LOG.debugf("order %s registered: %s, center %s", orderId, type, fulfillmentCenterId);
        // Usually nothing waits (the poll looked), and the order is written with the poll's others when it commits.
        // Events released now are applied at once, and read the order: written first.
        if (parked.mayHaveWaiting(fact)) {
            em.flush();
            parked.release(fact);
        }
    }

    /**
     * The seller added (or corrected) tracking: carrier events with this number now reach the order. The
     * seller's tracking replaces what a center reported, as order-service now shows the seller's.
     */
    @Transactional
    public void trackingAdded(String orderId, String carrier, String trackingNumber) {
        List<String> facts = factKeys.trackingFacts(carrier, trackingNumber);
        parked.lock(facts);
        Shipment shipment = em.find(Shipment.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            // order-service publishes an order's events in order on one partition: placed always comes first.
            throw new PoisonEventException("tracking added to order " + orderId + ", which was never placed");
        }
        if (Objects.equals(shipment.carrier, carrier) && Objects.equals(shipment.trackingNumber, trackingNumber)) {
            // The center's hand-over reported this tracking first (order-service echoes it back): nothing changes,
            // and the hand-over released what was parked for it.
            return;
        }
        shipment.record(shipment.state(json).withTracking(carrier, trackingNumber), json, clock.instant());
        em.flush();
        LOG.infof("order %s tracking set (carrier %s)", orderId, carrier);
        // The carrier's scans that overtook this event (a DELIVERED within a second of "shipped") apply now.
        parked.release(facts);
    }
}
