package com.kingstonexpress.fulfillment.tracking.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.tracking.application.IngestTrackingEvents;
import com.kingstonexpress.fulfillment.tracking.config.WebhookConfig;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;
import com.kingstonexpress.platform.security.EventSignature;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Centers that prefer Kafka publish {@code fulfillment.center-event.v1} on {@code kx.fulfillment.center-events.v1};
 * each one goes through the same {@link IngestTrackingEvents#ingest} as a webhook batch of one. A malformed event
 * goes to the dead-letter topic; a well-formed one that cannot be applied is rejected and kept, as by webhook.
 * Centers may publish in structured mode (the whole CloudEvent as the value) or in binary mode (attributes as
 * {@code ce_*} headers, the data as the value), the default of the CloudEvents SDKs; the whole record is taken
 * so that both are read. Each event must be signed by the center it names ({@link EventSignature}).
 */
@ApplicationScoped
public class CenterEventsConsumer {

    static final String CONSUMER = "fulfillment-service.center-events";

    @Inject
    InboundEvents inbound;
    @Inject
    IngestTrackingEvents ingestion;
    @Inject
    Validator validator;
    @Inject
    WebhookConfig webhooks;
    @Inject
    ObjectMapper json;

    @Incoming("center-events")
    @Blocking
    public CompletionStage<Void> onCenterEvent(KafkaRecord<String, String> record) {
        return inbound.handle(CONSUMER, record, event -> apply(event, signatureOf(record)));
    }

    void apply(EventEnvelope event, String signature) {
        if (CenterEvent.TYPE.equals(event.type())) {
            CenterEvent data = event.dataAs(CenterEvent.class);
            authenticate(event, data.centerId(), signature);
            centerEvent(event.subject(), data);
        }
    }

    /**
     * Anyone who can write to the topic could otherwise speak for any center (#12 M3): the event must carry the
     * {@code kxsignature} extension, an HMAC with the secret of the center it names (its webhook secret). A forged or
     * unsigned event is refused before anything is judged or stored, so it is dead-lettered with the reason.
     */
    private void authenticate(EventEnvelope event, String centerId, String signature) {
        WebhookConfig.SenderSecret sender = centerId == null ? null : webhooks.centers().get(centerId);
        String refusal = EventSignature.refusal(sender == null ? null : sender.secret(), signature, event.id(), event.type(),
                event.subject(), event.data());
        if (refusal != null) {
            throw new PoisonEventException("center event signature refused (center " + Sender.loggable(centerId) + "): " + refusal);
        }
    }

    /** The extension attribute: a {@code ce_} header in binary mode, a member of the JSON value in structured mode. */
    private String signatureOf(KafkaRecord<String, String> record) {
        Header binary = record.getHeaders().lastHeader("ce_" + EventSignature.ATTRIBUTE);
        if (binary != null) {
            return binary.value() == null ? null : new String(binary.value(), StandardCharsets.UTF_8);
        }
        if (record.getPayload() == null) {
            return null;
        }
        try {
            JsonNode attribute = json.readTree(record.getPayload()).get(EventSignature.ATTRIBUTE);
            return attribute == null || !attribute.isTextual() ? null : attribute.asText();
        } catch (JsonProcessingException | RuntimeException e) {
            return null; // not a structured CloudEvent: the inbox dead-letters it for that
        }
    }

    private void centerEvent(String subject, CenterEvent data) {
        String violations = validator.validate(data).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        if (!violations.isEmpty()) {
            throw new PoisonEventException("center event data invalid: " + violations);
        }
        if (!subject.equals(data.orderId())) {
            throw new PoisonEventException("center event subject " + subject + " is not its orderId " + data.orderId());
        }
        ingestion.ingest(Sender.center(data.centerId()), List.of(data.received()));
    }
}
