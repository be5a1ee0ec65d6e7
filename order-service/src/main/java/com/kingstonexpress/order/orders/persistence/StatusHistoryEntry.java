package com.kingstonexpress.order.orders.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kingstonexpress.order.orders.domain.Actor;
import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.Cause;
import com.kingstonexpress.order.orders.domain.OrderStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One status change. Append-only: the table refuses updates and deletes (see the migration). */
@Entity
@Table(name = "order_status_history")
public class StatusHistoryEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String orderId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public OrderStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public OrderStatus to;
    @Enumerated(EnumType.STRING)
    public ActorKind actorKind;
    public String actorId;
    public String reason;
    public String sourceEventId;
    /** The id of the {@code order.status-changed} event that announced this change. */
    public String eventId;
    @Column(name = "changed_at")
    public Instant at;

    /** Appends one entry; {@code eventId} is the {@code order.status-changed} event that announces it. */
    public static void record(String orderId, OrderStatus from, OrderStatus to, Actor actor, Cause cause, String eventId,
            Instant at) {
        StatusHistoryEntry entry = new StatusHistoryEntry();
        entry.orderId = orderId;
        entry.from = from;
        entry.to = to;
        entry.actorKind = actor.kind();
        entry.actorId = actor.id();
        entry.reason = cause.reason();
        entry.sourceEventId = cause.sourceEventId();
        entry.eventId = eventId;
        entry.at = at;
        entry.persist();
    }

    public static List<StatusHistoryEntry> of(String orderId) {
        return list("orderId = ?1 order by id", orderId);
    }
}
