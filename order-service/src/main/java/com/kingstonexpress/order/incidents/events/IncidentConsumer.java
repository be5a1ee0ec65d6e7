package com.kingstonexpress.order.incidents.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.kingstonexpress.order.incidents.persistence.IncidentEntity;
import com.kingstonexpress.order.incidents.persistence.Slowdowns;
import com.kingstonexpress.platform.events.EventEnvelope;
import com.kingstonexpress.platform.events.PoisonEventException;
import com.kingstonexpress.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

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
    @Inject
    Slowdowns slowdowns;

    /** The regions and carriers a slowdown covers; blank entries are dropped. */
    public record Scope(List<String> regions, List<String> carriers) {
        public Scope {
            regions = clean(regions);
            carriers = clean(carriers);
        }

        private static List<String> clean(List<String> values) {
            return values == null ? List.of()
                    : values.stream().filter(Objects::nonNull).map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
        }

        boolean isEmpty() {
            return regions.isEmpty() && carriers.isEmpty();
        }
    }

    /** {@code incident-declared.v1}, as far as order-service reads it. */
    public record Declared(String incidentId, Scope scope, Instant startsAt, Instant endsAt, String customerNote) {
    }

    /** {@code incident-resolved.v1}, as far as order-service reads it. */
    public record Resolved(String incidentId, Scope scope, Instant resolvedAt) {
    }

    @Incoming("platform-incidents")
    @Blocking
    public CompletionStage<Void> onIncident(KafkaRecord<String, String> record) {
        return inbound.handle("order-service.platform-incidents", record, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case DECLARED -> declared(event, event.dataAs(Declared.class));
            case RESOLVED -> resolved(event, event.dataAs(Resolved.class));
            default -> LOG.debugf("ignoring event type %s", event.type());
        }
    }

    private void declared(EventEnvelope event, Declared declared) {
        String incidentId = idOf(declared.incidentId(), event);
        Scope scope = declared.scope() != null ? declared.scope() : new Scope(null, null);
        if (scope.isEmpty()) {
            throw new PoisonEventException("incident " + incidentId + " has an empty scope");
        }
        IncidentEntity incident = IncidentEntity.findById(incidentId);
        if (incident == null) {
            incident = new IncidentEntity();
            incident.incidentId = incidentId;
        }
        incident.regions = scope.regions().toArray(String[]::new);
        incident.carriers = scope.carriers().toArray(String[]::new);
        incident.startsAt = declared.startsAt() != null ? declared.startsAt() : event.time().toInstant();
        incident.endsAt = declared.endsAt();
        incident.customerNote = declared.customerNote() == null || declared.customerNote().isBlank() ? null : declared.customerNote();
        incident.persist();
        slowdowns.changing();
        LOG.infof("incident %s declared (%d region(s), %d carrier(s))", incidentId, scope.regions().size(), scope.carriers().size());
    }

    private void resolved(EventEnvelope event, Resolved resolved) {
        String incidentId = idOf(resolved.incidentId(), event);
        Instant resolvedAt = resolved.resolvedAt() != null ? resolved.resolvedAt() : event.time().toInstant();
        IncidentEntity incident = IncidentEntity.findById(incidentId);
        if (incident == null) {
            // Resolved before we saw it declared (we may have started after it): remember it as resolved.
            Scope scope = resolved.scope() != null ? resolved.scope() : new Scope(null, null);
            incident = new IncidentEntity();
            incident.incidentId = incidentId;
            incident.regions = scope.regions().toArray(String[]::new);
            incident.carriers = scope.carriers().toArray(String[]::new);
            incident.startsAt = resolvedAt;
        }
        incident.resolvedAt = resolvedAt;
        incident.persist();
        slowdowns.changing();
        LOG.infof("incident %s resolved", incidentId);
    }

    private static String idOf(String incidentId, EventEnvelope event) {
        return incidentId == null || incidentId.isBlank() ? event.subject() : incidentId;
    }
}
