package com.kingstonexpress.fulfillment.tracking.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kingstonexpress.fulfillment.tracking.domain.ConditionMark;
import com.kingstonexpress.fulfillment.tracking.domain.EventAdmission;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentCondition;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentState;
import com.kingstonexpress.fulfillment.tracking.domain.ShipmentStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The stored normalized state of an order's shipment. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    private static final TypeReference<Map<ShipmentCondition, ConditionMark>> MARKS = new TypeReference<>() {
    };

    @Id
    @Column(name = "order_id")
    public String orderId;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShipmentStatus status;
    /** The condition marks as JSON: read and written only through {@link #state} and {@link #record}. */
    @Column(name = "condition_marks", nullable = false)
    public String conditionMarks;
    @Column(name = "newest_occurred_at")
    public Instant newestOccurredAt;
    /** When this shipment got its current carrier and tracking number: the first claim of a number owns it. */
    @Column(name = "tracking_claimed_at")
    public Instant trackingClaimedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public static Shipment of(String orderId, ObjectMapper json, Instant now) {
        Shipment shipment = new Shipment();
        shipment.orderId = orderId;
        shipment.record(ShipmentState.fresh(), json, now);
        return shipment;
    }

    public ShipmentState state(ObjectMapper json) {
        try {
            return new ShipmentState(status, json.readValue(conditionMarks, MARKS), newestOccurredAt, carrier, trackingNumber);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shipment " + orderId + " has unreadable condition marks", e);
        }
    }

    private boolean sameClaim(String newCarrier, String newTrackingNumber) {
        return Objects.equals(trackingNumber, newTrackingNumber)
                && Objects.equals(carrier == null ? null : EventAdmission.carrierCode(carrier),
                        newCarrier == null ? null : EventAdmission.carrierCode(newCarrier));
    }

    public void record(ShipmentState state, ObjectMapper json, Instant now) {
        try {
            status = state.status();
            conditionMarks = json.writeValueAsString(state.conditionMarks());
            newestOccurredAt = state.newestOccurredAt();
            if (!sameClaim(state.carrier(), state.trackingNumber())) {
                trackingClaimedAt = state.trackingNumber() == null ? null : now;
            }
            carrier = state.carrier();
            trackingNumber = state.trackingNumber();
            updatedAt = now;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
