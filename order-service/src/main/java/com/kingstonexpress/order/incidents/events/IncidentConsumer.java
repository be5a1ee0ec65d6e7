package com.kingstonexpress.order.incidents.events;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.kingstonexpress.order.incidents.persistence.IncidentEntity;
import com.kingstonexpress.order.orders.events.EventData;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps order-service's own table of platform-wide slowdowns ({@code kx.platform.incidents.v1}): while one
 * covers a Kingston-dispatched order, the guard says "let the process work" and stale flags are suppressed.
 */
@ApplicationScoped
public class IncidentConsumer {

    public static final String DECLARED = "com.kingstonexpress.platform.incident-declared.v1";
    public static final String RESOLVED = "com.kingstonexpress.platform.incident-resolved.v1";
    private static final Logger LOG = Logger.getLogger(IncidentConsumer.class);

    @Inject
    InboundEvents inbound;

    @Incoming("platform-incidents")
    @Blocking
    public void onIncident(String record) {
        inbound.handle("order-service.platform-incidents", record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case DECLARED -> declared(event);
            case RESOLVED -> resolved(event);
            default -> LOG.debugf("ignoring event type %s", event.type());
        }
    }

    private static void declared(EventEnvelope event) {
        JsonNode data = event.data();
        String incidentId = EventData.text(data, "incidentId", event.subject());
        Set<String> regions = EventData.strings(data.path("scope").get("regions"));
        Set<String> carriers = EventData.strings(data.path("scope").get("carriers"));
        if (regions.isEmpty() && carriers.isEmpty()) {
            throw new PoisonEventException("incident " + incidentId + " has an empty scope");
        }
        Instant startsAt = EventData.instant(data, "startsAt");
        IncidentEntity incident = IncidentEntity.findById(incidentId);
        if (incident == null) {
            incident = new IncidentEntity();
            incident.incidentId = incidentId;
        }
        incident.regions = regions.toArray(String[]::new);
        incident.carriers = carriers.toArray(String[]::new);
        incident.startsAt = startsAt != null ? startsAt : event.time().toInstant();
        incident.endsAt = EventData.instant(data, "endsAt");
        incident.customerNote = EventData.text(data, "customerNote", null);
        incident.persist();
    }

    private static void resolved(EventEnvelope event) {
        JsonNode data = event.data();
        String incidentId = EventData.text(data, "incidentId", event.subject());
        IncidentEntity incident = IncidentEntity.findById(incidentId);
        Instant resolvedAt = EventData.instant(data, "resolvedAt");
        if (incident == null) {
            // Resolved before we saw it declared (we may have started after it): remember it as resolved.
            incident = new IncidentEntity();
            incident.incidentId = incidentId;
            incident.regions = EventData.strings(data.path("scope").get("regions")).toArray(String[]::new);
            incident.carriers = EventData.strings(data.path("scope").get("carriers")).toArray(String[]::new);
            incident.startsAt = resolvedAt != null ? resolvedAt : event.time().toInstant();
        }
        incident.resolvedAt = resolvedAt != null ? resolvedAt : event.time().toInstant();
        incident.persist();
    }
}
