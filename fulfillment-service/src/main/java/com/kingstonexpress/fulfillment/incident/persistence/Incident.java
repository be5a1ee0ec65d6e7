package com.kingstonexpress.fulfillment.incident.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.incident.domain.IncidentPhase;
import com.kingstonexpress.fulfillment.incident.domain.IncidentRules;
import com.kingstonexpress.fulfillment.incident.domain.IncidentScope;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A declared platform-wide delivery slowdown. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    @Id
    @Column(name = "incident_id")
    public String incidentId;
    /** JSON arrays of names; read through {@link #scope}. */
    public String regions;
    public String carriers;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "customer_note", nullable = false)
    public String customerNote;
    @Column(name = "declared_by", nullable = false)
    public String declaredBy;
    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Version
    public long version;

    public IncidentScope scope(ObjectMapper json) {
        try {
            return new IncidentScope(json.readValue(regions, NAMES), json.readValue(carriers, NAMES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident " + incidentId + " has an unreadable scope", e);
        }
    }

    void scope(IncidentScope scope, ObjectMapper json) {
        try {
            regions = json.writeValueAsString(scope.regions());
            carriers = json.writeValueAsString(scope.carriers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public IncidentPhase phase(Instant now) {
        return IncidentRules.phase(startsAt, endsAt, resolvedAt, now);
    }
}
