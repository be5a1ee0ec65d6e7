package com.kingstonexpress.support.ticket.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.platform.parking.ParkedEvents;
import com.kingstonexpress.support.order.domain.OrderFacts;
import com.kingstonexpress.support.order.persistence.OrderProjections;
import com.kingstonexpress.support.ticket.application.Escalation;
import com.kingstonexpress.support.ticket.application.RecordEscalation;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Reads {@code kx.messaging.v1}: an escalation detected on a customer conversation opens (or adds to) the
 * order's CUSTOMER_ESCALATION ticket. The other messaging events are not this service's business.
 *
 * <p>An escalation can overtake the order it names (messaging-service learns orders from {@code kx.orders.v1}
 * too, and this service's order consumer may lag). It is then parked, with its inbox row, and applied when the
 * order becomes known ({@link com.kingstonexpress.support.order.events.OrderEventsConsumer} releases it), so the
 * seller check and the ticket's order snapshot happen as usual. If the order is still unknown after
 * {@code kx.parking.expire-after}, the ticket opens anyway for the event's seller ({@link ParkedEscalations}): a
 * customer escalation is never dropped.
 */
@ApplicationScoped
public class EscalationConsumer {

    private static final Logger LOG = Logger.getLogger(EscalationConsumer.class);
    public static final String CONSUMER = "support-service.messaging";

    /** {@code messaging.escalation-detected.v1} data: the members this service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EscalationDetected(String orderId, String conversationId, @JsonProperty(required = true) String sellerId,
            @JsonProperty(required = true) String messageId, List<String> signals, String excerpt, Instant detectedAt) {
        static final String TYPE = "com.kingstonexpress.messaging.escalation-detected.v1";
    }

    @Inject
    InboundEvents inbound;
    @Inject
    ObjectMapper json;
    @Inject
    RecordEscalation escalations;
    @Inject
    ParkedEvents parked;
    @Inject
    OrderProjections orders;

    /** The parking key of an order this service may not know yet. */
    public static String orderFact(String orderId) {
        return "order:" + orderId;
    }

    @Incoming("messaging")
    @Blocking
    public CompletionStage<Void> onMessagingEvent(KafkaRecord<String, String> record) {
        return inbound.handle(CONSUMER, record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case EscalationDetected.TYPE -> detected(event, escalation(event));
            default -> {
                // The other messaging events are not this service's business.
            }
        }
    }

    private void detected(EventEnvelope event, Escalation escalation) {
        // Locked before looking: the order's registration either committed already or releases this after parking.
        parked.lock(orderFact(escalation.orderId()));
        if (orders.find(escalation.orderId()).isEmpty()) {
            parked.park(CONSUMER, event.id(), orderFact(escalation.orderId()), write(event),
                    "order " + escalation.orderId() + " is not known here yet");
            LOG.infof("escalation %s parked until order %s is known", escalation.messageId(), escalation.orderId());
            return;
        }
        escalations.record(escalation);
    }

    /** Released: the order is known now. An escalation naming another seller opens nothing, as on arrival. */
    void resume(EventEnvelope event) {
        Escalation escalation = escalation(event);
        Optional<OrderFacts> order = orders.find(escalation.orderId());
        if (order.isPresent() && !order.get().sellerId().equals(escalation.sellerId())) {
            // Not thrown: this runs in the transaction of the order event that made the order known.
            LOG.errorf("%s: parked escalation %s names seller %s but order %s belongs to another seller; no ticket opened",
                    CONSUMER, event.id(), escalation.sellerId(), escalation.orderId());
            return;
        }
        escalations.record(escalation);
    }

    /** Expired: the order never became known; the ticket opens for the event's seller, with no order snapshot. */
    void openForUnknownOrder(EventEnvelope event) {
        escalations.record(escalation(event));
    }

    String write(EventEnvelope event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    EventEnvelope read(String payload) {
        try {
            return json.readValue(payload, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked escalation unreadable", e);
        }
    }

    private Escalation escalation(EventEnvelope event) {
        EscalationDetected data = event.dataAs(EscalationDetected.class);
        if (isBlank(data.sellerId()) || isBlank(data.messageId())) {
            throw new PoisonEventException(event.type() + " must carry sellerId and messageId");
        }
        String orderId = isBlank(data.orderId()) ? event.subject() : data.orderId();
        return new Escalation(orderId, data.conversationId(), data.sellerId(), data.messageId(),
                data.signals() == null ? List.of() : data.signals(), data.excerpt() == null ? "" : data.excerpt(),
                data.detectedAt() == null ? event.time().toInstant() : data.detectedAt());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
