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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.kingstonexpress.order.orders.domain.Actor;
import com.kingstonexpress.order.orders.domain.ActorKind;
import com.kingstonexpress.order.orders.domain.Cause;
import com.kingstonexpress.order.orders.domain.OrderStatus;
import com.kingstonexpress.platform.events.EventEnvelope;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One status change. Append-only: the table refuses updates and deletes (see the migration).
 * <p>
 * Ids come from the table's sequence in blocks of 50 per instance, so that a consumer applying a poll of reports
 * writes their entries in JDBC batches instead of one round trip each (an {@code IDENTITY} insert runs at once). Two
 * instances' blocks do not follow the order of the changes, so an order's history is read in the order of
 * {@link #eventSeq}, not of ids.
 */
@Entity
@Table(name = "order_status_history")
public class StatusHistoryEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_status_history_ids")
    @SequenceGenerator(name = "order_status_history_ids", sequenceName = "order_status_history_id_seq", allocationSize = 50)
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
    /**
     * That event's sequence number among the order's events: the order of the changes, whichever instance made them
     * (the outbox numbers an order's events under a row lock). Null for entries written before it was recorded (V7).
     */
    public Long eventSeq;
    @Column(name = "changed_at")
    public Instant at;

    /** Appends one entry; {@code announcement} is the {@code order.status-changed} event that announces it. */
    public static void record(String orderId, OrderStatus from, OrderStatus to, Actor actor, Cause cause, EventEnvelope announcement,
            Instant at) {
        StatusHistoryEntry entry = new StatusHistoryEntry();
        entry.orderId = orderId;
        entry.from = from;
        entry.to = to;
        entry.actorKind = actor.kind();
        entry.actorId = actor.id();
        entry.reason = cause.reason();
        entry.sourceEventId = cause.sourceEventId();
        entry.eventId = announcement.id();
        entry.eventSeq = announcement.sequence();
        entry.at = at;
        entry.persist();
    }

    /** Oldest first: entries from before V7 (no sequence) in id order, then the rest in the order of their events. */
    public static List<StatusHistoryEntry> of(String orderId) {
        return list("orderId = ?1 order by eventSeq nulls first, id", orderId);
    }
}
