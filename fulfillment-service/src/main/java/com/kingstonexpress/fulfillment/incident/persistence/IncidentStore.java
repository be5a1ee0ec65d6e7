package com.kingstonexpress.fulfillment.incident.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;

/** Incidents as stored; the use cases in {@code incident.application} publish each change with it. */
@ApplicationScoped
public class IncidentStore {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public Incident add(IncidentScope scope, Instant startsAt, Instant endsAt, String customerNote, String declaredBy,
            Instant declaredAt) {
        Incident incident = new Incident();
        incident.incidentId = UUID.randomUUID().toString();
        incident.scope(scope, json);
        incident.startsAt = startsAt;
        incident.endsAt = endsAt;
        incident.customerNote = customerNote;
        incident.declaredBy = declaredBy;
        incident.declaredAt = declaredAt;
        em.persist(incident);
        return incident;
    }

    /** The incident with its row locked until the transaction ends (concurrent resolutions wait), or null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Incident lock(String incidentId) {
        return em.find(Incident.class, incidentId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Incident find(String incidentId) {
        return em.find(Incident.class, incidentId);
    }

    public IncidentScope scopeOf(Incident incident) {
        return incident.scope(json);
    }

    /** Unresolved incidents whose window has not ended, soonest start first. */
    public List<Incident> unresolvedNotEnded(Instant now) {
        return em.createQuery("SELECT i FROM Incident i WHERE i.resolvedAt IS NULL AND (i.endsAt IS NULL OR i.endsAt > :now) "
                + "ORDER BY i.startsAt, i.incidentId", Incident.class)
                .setParameter("now", now)
                .getResultList();
    }
}
