package com.kingstonexpress.support.ticket.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.kingstonexpress.support.order.domain.OrderStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A status correction an agent made through order-service while the ticket was open. */
@Entity
@Table(name = "ticket_correction")
@IdClass(TicketCorrection.Key.class)
public class TicketCorrection extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    /** the {@code order.status-changed} event that reported it */
    @Id
    @Column(name = "event_id")
    public String eventId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public OrderStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public OrderStatus to;
    @Column(name = "actor_id")
    public String actorId;
    public String reason;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static class Key implements Serializable {
        public String ticketId;
        public String eventId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ticketId, k.ticketId) && Objects.equals(eventId, k.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, eventId);
        }
    }
}
