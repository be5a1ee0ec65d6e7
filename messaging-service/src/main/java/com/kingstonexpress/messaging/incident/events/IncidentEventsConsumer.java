package com.kingstonexpress.messaging.incident.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.kingstonexpress.messaging.incident.persistence.PlatformIncident;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Keeps the platform-wide delivery slowdowns, so a seller answering a customer sees the customer-facing
 * note of a slowdown that covers the order ("Platform-wide delivery slowdown": let the process work).
 */
@ApplicationScoped
public class IncidentEventsConsumer {

    public static final String TOPIC = "kx.platform.incidents.v1";
    static final String DECLARED = "com.kingstonexpress.platform.incident-declared.v1";
    static final String RESOLVED = "com.kingstonexpress.platform.incident-resolved.v1";
    static final String CONSUMER = "messaging-service.incidents";

    /** platform.incident-declared.v1 as messaging reads it (fulfillment-service owns the full shape). */
    record Declared(@JsonProperty(required = true) String incidentId, Scope scope, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String customerNote) {

        Declared {
            requireId(incidentId);
        }
    }

    /** Where a slowdown applies; an empty list does not narrow it. */
    record Scope(List<String> regions, List<String> carriers) {
    }

    /** platform.incident-resolved.v1; without {@code resolvedAt} the event's time is when it was resolved. */
    record Resolved(@JsonProperty(required = true) String incidentId, OffsetDateTime resolvedAt) {

        Resolved {
            requireId(incidentId);
        }
    }

    @Inject
    InboundEvents inbound;

    @Incoming("incidents")
    @Blocking
    public CompletionStage<Void> onIncidentEvent(KafkaRecord<String, String> record) {
        return inbound.handle(CONSUMER, record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case DECLARED -> declared(event.dataAs(Declared.class));
            case RESOLVED -> resolved(event, event.dataAs(Resolved.class));
            default -> {
                // Nothing else on the topic concerns conversations.
            }
        }
    }

    private void declared(Declared declared) {
        PlatformIncident incident = PlatformIncident.findById(declared.incidentId());
        if (incident == null) {
            incident = new PlatformIncident();
            incident.incidentId = declared.incidentId();
            incident.persist();
        }
        Scope scope = declared.scope() == null ? new Scope(null, null) : declared.scope();
        incident.regions = joined(scope.regions());
        incident.carriers = joined(scope.carriers());
        incident.startsAt = declared.startsAt();
        incident.endsAt = declared.endsAt();
        incident.customerNote = declared.customerNote();
    }

    private void resolved(EventEnvelope event, Resolved resolved) {
        PlatformIncident incident = PlatformIncident.findById(resolved.incidentId());
        if (incident != null) {
            incident.resolvedAt = resolved.resolvedAt() == null ? event.time() : resolved.resolvedAt();
        }
    }

    /** The entity keeps a list as one comma-separated column, so a comma inside a value becomes a space. */
    private static String joined(List<String> values) {
        return values == null ? "" : String.join(",", values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.replace(",", " ")).toList());
    }

    private static void requireId(String incidentId) {
        if (incidentId == null || incidentId.isBlank()) {
            throw new IllegalArgumentException("data.incidentId is required");
        }
    }
}
