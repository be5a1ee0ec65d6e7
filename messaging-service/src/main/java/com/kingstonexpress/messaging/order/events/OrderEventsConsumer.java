package com.kingstonexpress.messaging.order.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.platform.persistence.KnownAbsent;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps the order projection from kx.orders.v1: who the order belongs to (seller, customer), its type
 * and its status, so a conversation shows the seller the context beside each message and a customer
 * message is accepted only for a known order of that customer.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "messaging-service.orders";
    /** The transaction's resource naming the poll's orders {@link #loadOrders} did not find. */
    private static final String ABSENT = OrderEventsConsumer.class.getName() + ".absent";
    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    @Inject
    InboundEvents inbound;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Order events come a poll at a time (the channel has {@code batch=true}): every status change makes one. */
    @Incoming("orders")
    @Blocking
    public CompletionStage<Void> onOrderEvents(KafkaRecordBatch<String, String> records) {
        return inbound.handleBatch(CONSUMER, records, this::loadOrders, this::apply);
    }

    /**
     * The poll's orders in one query: each event's {@link #find} then finds its order loaded already, or knows it is
     * not there (most of a busy poll's orders are new) without a query of its own.
     */
    void loadOrders(List<EventEnvelope> events) {
        List<String> ids = events.stream().map(EventEnvelope::subject).filter(Objects::nonNull).distinct().toList();
        if (!ids.isEmpty()) {
            KnownAbsent.record(transactions, ABSENT, ids,
                    OrderProjection.withIds(ids).stream().map(order -> order.orderId).toList());
        }
    }

    /** The order's projection, or null; an order the poll's load did not find costs no query ({@link KnownAbsent}). */
    private OrderProjection find(String orderId) {
        return KnownAbsent.take(transactions, ABSENT, orderId) ? null : OrderProjection.findById(orderId);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case OrderEventTypes.PLACED -> placed(event, event.dataAs(OrderEventData.Placed.class));
            case OrderEventTypes.STATUS_CHANGED -> statusChanged(event, event.dataAs(OrderEventData.StatusChanged.class).to());
            case OrderEventTypes.CANCELLED -> statusChanged(event, OrderStatus.CANCELLED);
            case OrderEventTypes.TRACKING_ADDED -> trackingAdded(event, event.dataAs(OrderEventData.TrackingAdded.class));
            case OrderEventTypes.ATTENTION_RAISED -> attention(event, event.dataAs(OrderEventData.Attention.class).flag(), true);
            case OrderEventTypes.ATTENTION_CLEARED -> attention(event, event.dataAs(OrderEventData.Attention.class).flag(), false);
            default -> {
                // Other order events (address confirmed, refunds, resends) change nothing messaging shows.
            }
        }
    }

    private void placed(EventEnvelope event, OrderEventData.Placed placed) {
        if (!placed.orderId().equals(event.subject())) {
            throw new PoisonEventException("order.placed subject " + event.subject() + " is not its orderId " + placed.orderId());
        }
        OrderProjection order = find(placed.orderId());
        boolean isNew = order == null;
        if (isNew) {
            order = new OrderProjection();
            order.orderId = placed.orderId();
        } else if (!order.acceptsSequence(event.sequence())) {
            return;
        }
        order.sellerId = placed.sellerId();
        order.customerId = placed.customerId();
        order.type = placed.type();
        order.status = placed.status();
        order.country = placed.country();
        order.region = placed.region();
        order.shippingMethod = placed.shippingMethod();
        order.updated(order.status.name(), at(event));
        if (isNew) {
            order.lastSequence = event.sequence() == null ? 0 : event.sequence();
            order.persist();
        }
    }

    private void statusChanged(EventEnvelope event, OrderStatus status) {
        OrderProjection order = find(event.subject());
        if (order == null) {
            // Events of one order share a partition, so order.placed always comes first; an order placed
            // before this service kept a projection has no conversation to show it in.
            LOG.debugf("%s for unknown order %s ignored", event.type(), event.subject());
            return;
        }
        if (order.acceptsSequence(event.sequence())) {
            order.status = status;
            order.updated(status.name(), at(event));
        }
    }

    private void trackingAdded(EventEnvelope event, OrderEventData.TrackingAdded tracking) {
        OrderProjection order = find(event.subject());
        if (order != null && order.acceptsSequence(event.sequence())) {
            order.carrier = tracking.carrier();
            order.trackingNumber = tracking.trackingNumber();
            order.updated("TRACKING_ADDED", at(event));
        }
    }

    /** A condition raised or cleared (a customs hold, a failed delivery attempt): part of what the customer is told. */
    private void attention(EventEnvelope event, AttentionFlag flag, boolean raised) {
        OrderProjection order = find(event.subject());
        if (order == null || !order.acceptsSequence(event.sequence())) {
            return;
        }
        Set<AttentionFlag> flags = order.attention();
        boolean changed = raised ? flags.add(flag) : flags.remove(flag);
        order.attention(flags);
        if (changed && flag != AttentionFlag.CUSTOMER_AWAITING_REPLY) {
            order.updated(raised ? flag.name() : flag.name() + "_CLEARED", at(event));
        }
    }

    private static OffsetDateTime at(EventEnvelope event) {
        return event.time().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
