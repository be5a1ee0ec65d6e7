package com.kingstonexpress.fulfillment.incident.events;

import java.time.Instant;

import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;

/** {@code platform.incident-resolved.v1} on {@code kx.platform.incidents.v1}, subject = incidentId. */
public record IncidentResolved(String incidentId, IncidentScope scope, Instant resolvedAt, String resolvedBy) {

    public static final String TOPIC = IncidentDeclared.TOPIC;
    public static final String TYPE = "com.kingstonexpress.platform.incident-resolved.v1";
}
