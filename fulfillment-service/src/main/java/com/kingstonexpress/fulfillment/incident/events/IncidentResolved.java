package com.kingstonexpress.fulfillment.incident.events;

import java.time.Instant;

import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;
import com.kingstonexpress.platform.events.EventType;

/** {@code platform.incident-resolved.v1} on {@code kx.platform.incidents.v1}, subject = incidentId. */
@EventType(IncidentResolved.TYPE)
public record IncidentResolved(String incidentId, IncidentScope scope, Instant resolvedAt, String resolvedBy) {

    public static final String TOPIC = IncidentDeclared.TOPIC;
    public static final String TYPE = "com.kingstonexpress.platform.incident-resolved.v1";
}
