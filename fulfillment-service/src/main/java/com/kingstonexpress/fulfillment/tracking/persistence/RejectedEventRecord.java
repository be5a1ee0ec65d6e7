package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.kingstonexpress.fulfillment.tracking.domain.Rejection;
import com.kingstonexpress.fulfillment.tracking.domain.SourceKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A refused event, kept for audit with the event as received; never applied. */
@Entity
@Table(name = "rejected_event")
public class RejectedEventRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceKind source;
    @Column(name = "source_id", nullable = false)
    public String sourceId;
    @Column(name = "event_id", nullable = false)
    public String eventId;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false)
    public Rejection reasonCode;
    @Column(nullable = false)
    public String reason;
    /** The event as received, as JSON. */
    @Column(nullable = false)
    public String event;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
