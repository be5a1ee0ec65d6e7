package com.kingstonexpress.messaging.incident.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.messaging.incident.persistence.PlatformIncident;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

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

    @Inject
    InboundEvents inbound;

    @Incoming("incidents")
    @Blocking
    public void onIncidentEvent(String record) {
        inbound.handle(CONSUMER, record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case DECLARED -> declared(event);
            case RESOLVED -> resolved(event);
            default -> {
                // Nothing else on the topic concerns conversations.
            }
        }
    }

    private void declared(EventEnvelope event) {
        JsonNode data = event.data();
        String incidentId = incidentId(event);
        PlatformIncident incident = PlatformIncident.findById(incidentId);
        if (incident == null) {
            incident = new PlatformIncident();
            incident.incidentId = incidentId;
            incident.persist();
        }
        incident.regions = String.join(",", strings(data.path("scope").path("regions")));
        incident.carriers = String.join(",", strings(data.path("scope").path("carriers")));
        incident.startsAt = time(data, "startsAt");
        incident.endsAt = time(data, "endsAt");
        incident.customerNote = data.path("customerNote").isTextual() ? data.path("customerNote").asText() : null;
    }

    private void resolved(EventEnvelope event) {
        PlatformIncident incident = PlatformIncident.findById(incidentId(event));
        if (incident != null) {
            OffsetDateTime resolvedAt = time(event.data(), "resolvedAt");
            incident.resolvedAt = resolvedAt == null ? event.time() : resolvedAt;
        }
    }

    private static String incidentId(EventEnvelope event) {
        JsonNode id = event.data().path("incidentId");
        if (!id.isTextual() || id.asText().isBlank()) {
            throw new PoisonEventException("data.incidentId is required");
        }
        return id.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> {
            if (v.isTextual() && !v.asText().isBlank()) {
                values.add(v.asText().replace(",", " "));
            }
        });
        return values;
    }

    private static OffsetDateTime time(JsonNode data, String field) {
        JsonNode value = data.path(field);
        if (!value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new PoisonEventException("data." + field + " is not an ISO-8601 time");
        }
    }
}
