package com.kingstonexpress.fulfillment.incident.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.kingstonexpress.fulfillment.incident.events.IncidentResolved;
import com.kingstonexpress.fulfillment.incident.persistence.Incident;
import com.kingstonexpress.fulfillment.incident.persistence.IncidentStore;
import com.kingstonexpress.platform.outbox.Outbox;
import com.kingstonexpress.platform.problem.ProblemException;

/**
 * Operations resolve an incident. Resolving is idempotent: an incident already resolved stays as it was (first
 * resolver and time), and nothing is published again. Concurrent resolutions wait for each other on the row.
 */
@ApplicationScoped
public class ResolveIncident {

    private static final Logger LOG = Logger.getLogger(ResolveIncident.class);

    @Inject
    IncidentStore incidents;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** @throws ProblemException 404 when there is no such incident */
    @Transactional
    public Incident resolve(String incidentId, String resolvedBy) {
        Incident incident = incidents.lock(incidentId);
        if (incident == null) {
            throw ProblemException.notFound("Incident", incidentId);
        }
        if (incident.resolvedAt != null) {
            return incident;
        }
        incident.resolvedAt = clock.instant();
        incident.resolvedBy = resolvedBy;
        outbox.append(IncidentResolved.TOPIC, incidentId,
                new IncidentResolved(incidentId, incidents.scopeOf(incident), incident.resolvedAt, resolvedBy));
        LOG.infof("incident %s resolved by %s", incidentId, resolvedBy);
        return incident;
    }
}
