package com.kingstonexpress.order.incidents.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.kingstonexpress.order.incidents.domain.Slowdown;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Order-service's own copy of the platform incidents it learns from {@code kx.platform.incidents.v1}. */
@Entity
@Table(name = "platform_incident")
public class IncidentEntity extends PanacheEntityBase {
    @Id
    public String incidentId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] regions;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] carriers;
    public Instant startsAt;
    public Instant endsAt;
    public Instant resolvedAt;
    public String customerNote;

    public Slowdown toSlowdown() {
        return new Slowdown(incidentId, Set.of(regions), Set.of(carriers), startsAt, endsAt, resolvedAt);
    }

    public static List<Slowdown> unresolved() {
        return IncidentEntity.<IncidentEntity>list("resolvedAt is null").stream().map(IncidentEntity::toSlowdown).toList();
    }
}
