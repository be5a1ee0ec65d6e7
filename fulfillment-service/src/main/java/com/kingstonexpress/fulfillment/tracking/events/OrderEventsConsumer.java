package com.kingstonexpress.fulfillment.tracking.events;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kingstonexpress.fulfillment.tracking.domain.OrderType;
import com.kingstonexpress.fulfillment.tracking.persistence.FactKeys;
import com.kingstonexpress.fulfillment.tracking.persistence.OrderProjection;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.platform.parking.ParkedEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Learns orders and their tracking from order-service ({@code kx.orders.v1}): which center an order is
 * assigned to, whether it is seller-managed, when it was placed, and the tracking numbers carriers report by.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "fulfillment-service.orders";

    /** What this service reads of {@code order.placed.v1} (order-service owns the event; this is our copy). */
    record OrderPlaced(
            @JsonProperty(required = true) String sellerId,
            @JsonProperty(required = true) OrderType type,
            String fulfillmentCenterId,
            Address deliveryAddress,
            @JsonProperty(required = true) OffsetDateTime placedAt) {

        static final String TYPE = "com.kingstonexpress.order.placed.v1";

        record Address(String country, String region) {
        }
    }

    /** What this service reads of {@code order.tracking-added.v1}. */
    record TrackingAdded(String carrier, @JsonProperty(required = true) String trackingNumber) {

        static final String TYPE = "com.kingstonexpress.order.tracking-added.v1";
    }

    @Inject
    InboundEvents inbound;
    @Inject
    OrderProjection orders;
    @Inject
    ParkedEvents parked;
    @Inject
    FactKeys factKeys;

    /**
     * A poll's order events in one transaction (the channel has {@code batch=true}): every order event comes here,
     * and one commit per event bounded how fast this service kept up with order-service. Ordered per partition (one
     * order's events stay in order): placed is applied before its tracking.
     */
    @Incoming("orders")
    @Blocking
    public CompletionStage<Void> onOrderEvents(KafkaRecordBatch<String, String> records) {
        return inbound.handleBatch(CONSUMER, records, this::lockFacts, this::apply);
    }

    /**
     * The facts the poll registers, locked in sorted order before any is applied, as a webhook batch locks the facts
     * it names: the two never wait on each other in a cycle. Each event then takes its lock again (reentrant). Then,
     * in one statement each, which of the facts have events waiting and which of the orders are registered already:
     * registering an order then looks nothing up, and its rows are written when the poll commits.
     */
    void lockFacts(List<EventEnvelope> events) {
        Set<String> facts = new TreeSet<>();
        Set<String> placedOrders = new HashSet<>();
        for (EventEnvelope event : events) {
            switch (event.type()) {
                case OrderPlaced.TYPE -> {
                    facts.add(FactKeys.order(event.subject()));
                    placedOrders.add(event.subject());
                }
                case TrackingAdded.TYPE -> {
                    TrackingAdded data = event.dataAs(TrackingAdded.class);
                    if (blankToNull(data.trackingNumber()) != null) {
                        facts.addAll(factKeys.trackingFacts(blankToNull(data.carrier()), data.trackingNumber()));
                    }
                }
                default -> {
                    // nothing to register
                }
            }
        }
        parked.lockForRelease(facts);
        orders.lookUp(placedOrders);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case OrderPlaced.TYPE -> placed(event.subject(), event.dataAs(OrderPlaced.class));
            case TrackingAdded.TYPE -> trackingAdded(event.subject(), event.dataAs(TrackingAdded.class));
            default -> {
                // other order events change nothing this service needs
            }
        }
    }

    private void placed(String orderId, OrderPlaced data) {
        if (data.type() == null || data.placedAt() == null) {
            throw new PoisonEventException("data." + (data.type() == null ? "type" : "placedAt") + " is required");
        }
        String centerId = blankToNull(data.fulfillmentCenterId());
        if (data.type() == OrderType.KINGSTON_DISPATCHED && centerId == null) {
            throw new PoisonEventException("a Kingston-dispatched order.placed names no fulfillmentCenterId");
        }
        OrderPlaced.Address address = data.deliveryAddress();
        orders.placed(orderId, required("sellerId", data.sellerId()), data.type(), centerId,
                address == null ? null : blankToNull(address.country()), address == null ? null : blankToNull(address.region()),
                data.placedAt().toInstant());
    }

    private void trackingAdded(String orderId, TrackingAdded data) {
        orders.trackingAdded(orderId, blankToNull(data.carrier()), required("trackingNumber", data.trackingNumber()));
    }

    private static String required(String field, String value) {
        if (blankToNull(value) == null) {
            throw new PoisonEventException("data." + field + " is required");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
