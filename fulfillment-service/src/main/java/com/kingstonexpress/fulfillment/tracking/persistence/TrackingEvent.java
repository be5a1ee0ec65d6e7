package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import com.kingstonexpress.fulfillment.tracking.domain.SourceKind;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One entry of a shipment's tracking history. Rows are inserted by {@link TrackingStore} (for the ingestion use
 * case, {@code tracking.application.IngestTrackingEvents}) with {@code ON CONFLICT DO NOTHING} (that is the
 * deduplication) and never change; this mapping reads them.
 */
@Entity
@Immutable
@Table(name = "tracking_event")
public class TrackingEvent extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "order_id")
    public String orderId;
    @Enumerated(EnumType.STRING)
    public SourceKind source;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    public boolean late;
    public boolean reported;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    public String location;
    public String proof;
    public String details;
}
