package com.kingstonexpress.fulfillment.tracking.events;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.kingstonexpress.fulfillment.tracking.application.IngestTrackingEvents;
import com.kingstonexpress.fulfillment.tracking.domain.Sender;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Centers that prefer Kafka publish {@code fulfillment.center-event.v1} on {@code kx.fulfillment.center-events.v1};
 * each one goes through the same {@link IngestTrackingEvents#ingest} as a webhook batch of one. A malformed event
 * goes to the dead-letter topic; a well-formed one that cannot be applied is rejected and kept, as by webhook.
 * Centers may publish in structured mode (the whole CloudEvent as the value) or in binary mode (attributes as
 * {@code ce_*} headers, the data as the value), the default of the CloudEvents SDKs; the whole record is taken
 * so that both are read.
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

    @Incoming("center-events")
    @Blocking
    public void onCenterEvent(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, this::apply);
    }

    void apply(EventEnvelope event) {
        if (CenterEvent.TYPE.equals(event.type())) {
            centerEvent(event.subject(), event.dataAs(CenterEvent.class));
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
