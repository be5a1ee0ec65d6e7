package com.kingstonexpress.fulfillment.incident.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.incident.domain.IncidentPhase;
import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;
import com.kingstonexpress.fulfillment.incident.persistence.Incident;

/** An incident as operations, sellers and the gateway's dashboard see it; {@code state} is its phase now. */
public record IncidentView(String incidentId, IncidentScope scope, Instant startsAt, Instant endsAt, String customerNote,
        IncidentPhase state, Instant declaredAt, String declaredBy, Instant resolvedAt, String resolvedBy) {

    /** {@code GET /api/v1/platform/incidents}. */
    public record Current(List<IncidentView> items) {
    }

    static IncidentView of(Incident incident, ObjectMapper json, Instant now) {
        return new IncidentView(incident.incidentId, incident.scope(json), incident.startsAt, incident.endsAt,
                incident.customerNote, incident.phase(now), incident.declaredAt, incident.declaredBy, incident.resolvedAt,
                incident.resolvedBy);
    }
}
