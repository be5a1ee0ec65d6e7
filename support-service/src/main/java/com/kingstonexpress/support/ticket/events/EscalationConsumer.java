package com.kingstonexpress.support.ticket.events;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.support.ticket.service.Escalation;
import com.kingstonexpress.support.ticket.service.TicketDesk;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code kx.messaging.v1}: an escalation detected on a customer conversation opens (or adds to) the
 * order's CUSTOMER_ESCALATION ticket. The other messaging events are not this service's business.
 */
@ApplicationScoped
public class EscalationConsumer {

    static final String CONSUMER = "support-service.messaging";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EscalationDetected(String orderId, String conversationId, String sellerId, String messageId, List<String> signals,
            String excerpt, Instant detectedAt) {
    }

    @Inject
    InboundEvents inbound;
    @Inject
    ObjectMapper json;
    @Inject
    TicketDesk tickets;

    @Incoming("messaging")
    @Blocking
    public void onMessagingEvent(String record) {
        inbound.handle(CONSUMER, record, this::apply);
    }

    void apply(EventEnvelope event) {
        if (!TicketEventTypes.ESCALATION_DETECTED.equals(event.type())) {
            return;
        }
        EscalationDetected data;
        try {
            data = json.treeToValue(event.data(), EscalationDetected.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException(event.type() + " data is unreadable: " + e.getOriginalMessage());
        }
        if (isBlank(data.sellerId()) || isBlank(data.messageId())) {
            throw new PoisonEventException(event.type() + " must carry sellerId and messageId");
        }
        String orderId = isBlank(data.orderId()) ? event.subject() : data.orderId();
        tickets.onEscalation(new Escalation(orderId, data.conversationId(), data.sellerId(), data.messageId(),
                data.signals() == null ? List.of() : data.signals(), data.excerpt() == null ? "" : data.excerpt(),
                data.detectedAt() == null ? event.time().toInstant() : data.detectedAt()));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
