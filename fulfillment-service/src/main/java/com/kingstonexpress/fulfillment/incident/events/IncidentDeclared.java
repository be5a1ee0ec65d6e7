package com.kingstonexpress.fulfillment.incident.events;

import java.time.Instant;

import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;
import com.kingstonexpress.platform.events.EventType;

/** {@code platform.incident-declared.v1} on {@code kx.platform.incidents.v1}, subject = incidentId. */
@EventType(IncidentDeclared.TYPE)
public record IncidentDeclared(String incidentId, IncidentScope scope, Instant startsAt, Instant endsAt, String customerNote,
        String declaredBy) {

    public static final String TOPIC = "kx.platform.incidents.v1";
    public static final String TYPE = "com.kingstonexpress.platform.incident-declared.v1";
}
