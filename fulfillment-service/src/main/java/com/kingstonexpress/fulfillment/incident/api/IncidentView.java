package com.kingstonexpress.fulfillment.incident.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.incident.domain.IncidentPhase;
import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;
import com.kingstonexpress.fulfillment.incident.persistence.Incident;

/**
 * An incident as operations, sellers and the gateway's dashboard see it; {@code state} is its phase now. Who declared
 * and resolved it (staff identities, often e-mail addresses) is shown to operations only (#12 L5).
 */
public record IncidentView(String incidentId, IncidentScope scope, Instant startsAt, Instant endsAt, String customerNote,
        IncidentPhase state, Instant declaredAt, @JsonInclude(JsonInclude.Include.NON_NULL) String declaredBy, Instant resolvedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String resolvedBy) {

    /** {@code GET /api/v1/platform/incidents}. */
    public record Current(List<IncidentView> items) {
    }

    /** As operations see it. */
    static IncidentView of(Incident incident, ObjectMapper json, Instant now) {
        return of(incident, json, now, true);
    }

    static IncidentView of(Incident incident, ObjectMapper json, Instant now, boolean showStaff) {
        return new IncidentView(incident.incidentId, incident.scope(json), incident.startsAt, incident.endsAt,
                incident.customerNote, incident.phase(now), incident.declaredAt, showStaff ? incident.declaredBy : null,
                incident.resolvedAt, showStaff ? incident.resolvedBy : null);
    }
}
