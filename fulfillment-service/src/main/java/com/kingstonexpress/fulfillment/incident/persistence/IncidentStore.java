package com.kingstonexpress.fulfillment.incident.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;
import com.kingstonexpress.fulfillment.incident.events.IncidentDeclared;
import com.kingstonexpress.fulfillment.incident.events.IncidentResolved;
import com.kingstonexpress.platform.outbox.Outbox;

/** Declares and resolves incidents; each change and its event commit together. */
@ApplicationScoped
public class IncidentStore {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public Incident declare(IncidentScope scope, Instant startsAt, Instant endsAt, String customerNote, String declaredBy) {
        Incident incident = new Incident();
        incident.incidentId = UUID.randomUUID().toString();
        incident.scope(scope, json);
        incident.startsAt = startsAt;
        incident.endsAt = endsAt;
        incident.customerNote = customerNote;
        incident.declaredBy = declaredBy;
        incident.declaredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.persist(incident);
        outbox.append(IncidentDeclared.TOPIC, IncidentDeclared.TYPE, incident.incidentId,
                new IncidentDeclared(incident.incidentId, scope, startsAt, endsAt, customerNote, declaredBy));
        return incident;
    }

    /**
     * Resolving is idempotent: an incident already resolved stays as it was (first resolver and time), and
     * nothing is published again. Concurrent resolutions wait for each other on the row.
     *
     * @return the incident, or null when there is no such incident
     */
    @Transactional
    public Incident resolve(String incidentId, String resolvedBy) {
        Incident incident = em.find(Incident.class, incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null || incident.resolvedAt != null) {
            return incident;
        }
        incident.resolvedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        incident.resolvedBy = resolvedBy;
        outbox.append(IncidentResolved.TOPIC, IncidentResolved.TYPE, incidentId,
                new IncidentResolved(incidentId, incident.scope(json), incident.resolvedAt, resolvedBy));
        return incident;
    }

    /** Unresolved incidents whose window has not ended, soonest start first. */
    public List<Incident> unresolvedNotEnded(Instant now) {
        return em.createQuery("SELECT i FROM Incident i WHERE i.resolvedAt IS NULL AND (i.endsAt IS NULL OR i.endsAt > :now) "
                + "ORDER BY i.startsAt, i.incidentId", Incident.class)
                .setParameter("now", now)
                .getResultList();
    }
}
