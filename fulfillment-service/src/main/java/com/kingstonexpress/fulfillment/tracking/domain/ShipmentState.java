package com.kingstonexpress.fulfillment.tracking.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The normalized state of one shipment: status, the marks of its conditions, the newest occurred-at applied
 * so far (to tell late events), and the carrier and tracking number once known.
 */
public record ShipmentState(ShipmentStatus status, Map<ShipmentCondition, ConditionMark> conditionMarks,
        Instant newestOccurredAt, String carrier, String trackingNumber) {

    public ShipmentState {
        conditionMarks = conditionMarks.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(conditionMarks));
    }

    /** A shipment of an order just placed: nothing has happened to it yet. */
    public static ShipmentState fresh() {
        return new ShipmentState(ShipmentStatus.NEW, Map.of(), null, null, null);
    }

    public Set<ShipmentCondition> activeConditions() {
        Set<ShipmentCondition> active = EnumSet.noneOf(ShipmentCondition.class);
        conditionMarks.forEach((condition, mark) -> {
            if (mark.active()) {
                active.add(condition);
            }
        });
        return active;
    }

    /** The seller (or a center) named the tracking; it replaces what was known. */
    public ShipmentState withTracking(String newCarrier, String newTrackingNumber) {
        return new ShipmentState(status, conditionMarks, newestOccurredAt, newCarrier, newTrackingNumber);
    }
}
