package com.kingstonexpress.messaging.incident.persistence;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kingstonexpress.messaging.incident.domain.SlowdownScope;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A platform-wide delivery slowdown as kx.platform.incidents.v1 announced it. */
@Entity
@Table(name = "platform_incident")
public class PlatformIncident extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public String incidentId;
    @Column(nullable = false)
    public String regions = "";
    @Column(nullable = false)
    public String carriers = "";
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    @Column(name = "customer_note")
    public String customerNote;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    public SlowdownScope scope() {
        return new SlowdownScope(split(regions), split(carriers));
    }

    public boolean activeAt(OffsetDateTime at) {
        return resolvedAt == null && (startsAt == null || !startsAt.isAfter(at)) && (endsAt == null || endsAt.isAfter(at));
    }

    public static List<PlatformIncident> unresolved() {
        return list("resolvedAt is null");
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
