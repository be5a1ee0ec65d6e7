package com.kingstonexpress.order.attention.events;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.kingstonexpress.order.orders.application.OrderLifecycle;
import com.kingstonexpress.order.orders.domain.AttentionFlag;
import com.kingstonexpress.order.orders.persistence.OrderEntity;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * "Watch for ... customer confusion": a customer message waiting for the seller's reply raises
 * {@code CUSTOMER_AWAITING_REPLY}; the seller's reply clears it.
 */
@ApplicationScoped
public class MessagingConsumer {

    public static final String CUSTOMER_MESSAGE_RECEIVED = "com.kingstonexpress.messaging.customer-message-received.v1";
    public static final String SELLER_REPLIED = "com.kingstonexpress.messaging.seller-replied.v1";
    private static final Logger LOG = Logger.getLogger(MessagingConsumer.class);

    @Inject
    InboundEvents inbound;
    @Inject
    OrderLifecycle lifecycle;

    /** What order-service reads of messaging-service's events: the order a message is about (else the subject). */
    public record AboutOrder(String orderId) {
    }

    @Incoming("messaging")
    @Blocking
    public CompletionStage<Void> onMessagingEvent(KafkaRecord<String, String> record) {
        return inbound.handle("order-service.messaging", record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case CUSTOMER_MESSAGE_RECEIVED -> lifecycle.raise(order(event), AttentionFlag.CUSTOMER_AWAITING_REPLY);
            case SELLER_REPLIED -> lifecycle.clear(order(event), AttentionFlag.CUSTOMER_AWAITING_REPLY);
            default -> LOG.debugf("ignoring event type %s", event.type());
        }
    }

    private static OrderEntity order(EventEnvelope event) {
        String orderId = event.dataAs(AboutOrder.class).orderId();
        if (orderId == null || orderId.isBlank()) {
            orderId = event.subject();
        }
        OrderEntity order = OrderEntity.findById(orderId);
        if (order == null) {
            throw new PoisonEventException("unknown order " + orderId);
        }
        return order;
    }
}
