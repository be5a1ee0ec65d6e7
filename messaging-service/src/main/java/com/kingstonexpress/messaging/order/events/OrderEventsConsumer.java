package com.kingstonexpress.messaging.order.events;

import java.time.ZoneOffset;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.domain.OrderStatus;
import com.kingstonexpress.messaging.order.domain.OrderType;
import com.kingstonexpress.messaging.order.persistence.OrderProjection;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the order projection from kx.orders.v1: who the order belongs to (seller, customer), its type
 * and its status, so a conversation shows the seller the context beside each message and a customer
 * message is accepted only for a known order of that customer.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "messaging-service.orders";
    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    @Inject
    InboundEvents inbound;

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(String record) {
        inbound.handle(CONSUMER, record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case OrderEventTypes.PLACED -> placed(event);
            case OrderEventTypes.STATUS_CHANGED -> statusChanged(event, enumValue(OrderStatus.class, event.data(), "to"));
            case OrderEventTypes.CANCELLED -> statusChanged(event, OrderStatus.CANCELLED);
            case OrderEventTypes.TRACKING_ADDED -> trackingAdded(event);
            case OrderEventTypes.ATTENTION_RAISED -> attention(event, true);
            case OrderEventTypes.ATTENTION_CLEARED -> attention(event, false);
            default -> {
                // Other order events (address confirmed, refunds, resends) change nothing messaging shows.
            }
        }
    }

    private void placed(EventEnvelope event) {
        JsonNode data = event.data();
        String orderId = required(data, "orderId");
        if (!orderId.equals(event.subject())) {
            throw new PoisonEventException("order.placed subject " + event.subject() + " is not its orderId " + orderId);
        }
        OrderProjection order = OrderProjection.findById(orderId);
        boolean isNew = order == null;
        if (isNew) {
            order = new OrderProjection();
            order.orderId = orderId;
        } else if (!order.acceptsSequence(event.sequence())) {
            return;
        }
        order.sellerId = required(data, "sellerId");
        order.customerId = required(data, "customerId");
        order.type = enumValue(OrderType.class, data, "type");
        order.status = enumValue(OrderStatus.class, data, "status");
        JsonNode address = data.path("deliveryAddress");
        order.country = text(address, "country");
        order.region = text(address, "region");
        order.shippingMethod = text(data, "shippingMethod");
        order.updated(order.status.name(), event.time().withOffsetSameInstant(ZoneOffset.UTC));
        if (isNew) {
            order.lastSequence = event.sequence() == null ? 0 : event.sequence();
            order.persist();
        }
    }

    private void statusChanged(EventEnvelope event, OrderStatus status) {
        OrderProjection order = OrderProjection.findById(event.subject());
        if (order == null) {
            // Events of one order share a partition, so order.placed always comes first; an order placed
            // before this service kept a projection has no conversation to show it in.
            LOG.debugf("%s for unknown order %s ignored", event.type(), event.subject());
            return;
        }
        if (order.acceptsSequence(event.sequence())) {
            order.status = status;
            order.updated(status.name(), event.time().withOffsetSameInstant(ZoneOffset.UTC));
        }
    }

    private void trackingAdded(EventEnvelope event) {
        OrderProjection order = OrderProjection.findById(event.subject());
        if (order != null && order.acceptsSequence(event.sequence())) {
            order.carrier = text(event.data(), "carrier");
            order.trackingNumber = text(event.data(), "trackingNumber");
            order.updated("TRACKING_ADDED", event.time().withOffsetSameInstant(ZoneOffset.UTC));
        }
    }

    /** A condition raised or cleared (a customs hold, a failed delivery attempt): part of what the customer is told. */
    private void attention(EventEnvelope event, boolean raised) {
        OrderProjection order = OrderProjection.findById(event.subject());
        AttentionFlag flag = enumValue(AttentionFlag.class, event.data(), "flag");
        if (order == null || !order.acceptsSequence(event.sequence())) {
            return;
        }
        Set<AttentionFlag> flags = order.attention();
        boolean changed = raised ? flags.add(flag) : flags.remove(flag);
        order.attention(flags);
        if (changed && flag != AttentionFlag.CUSTOMER_AWAITING_REPLY) {
            order.updated(raised ? flag.name() : flag.name() + "_CLEARED", event.time().withOffsetSameInstant(ZoneOffset.UTC));
        }
    }


    private static String required(JsonNode data, String field) {
        String value = text(data, field);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("data." + field + " is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode data, String field) {
        String value = required(data, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("data." + field + " has an unknown value " + value);
        }
    }
}
