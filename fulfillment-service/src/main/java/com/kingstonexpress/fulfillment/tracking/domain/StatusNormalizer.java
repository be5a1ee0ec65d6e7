package com.kingstonexpress.fulfillment.tracking.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns center and carrier events, which "arrive duplicated, late and out of order", into one normalized
 * shipment state. The result depends only on the set of events applied, not on their arrival order:
 * the status is the furthest one any event proves ("a late event never moves an order backwards"), and each
 * condition follows the latest event (by occurred-at) that switches it. Deduplication happens before this
 * (by sender and event id), so every event given here is a new one.
 */
public final class StatusNormalizer {

    private StatusNormalizer() {
    }

    public static Normalized apply(ShipmentState before, TrackingUpdate event) {
        boolean late = before.newestOccurredAt() != null && event.occurredAt().isBefore(before.newestOccurredAt());

        ShipmentStatus status = before.status();
        ShipmentStatus reached = event.type().reaches().orElse(status);
        boolean statusAdvanced = reached.isBeyond(status);
        if (statusAdvanced) {
            status = reached;
        }

        Map<ShipmentCondition, ConditionMark> marks = new EnumMap<>(ShipmentCondition.class);
        marks.putAll(before.conditionMarks());
        boolean conditionsChanged = false;
        for (Map.Entry<ShipmentCondition, Boolean> effect : event.type().conditionEffects().entrySet()) {
            ConditionMark current = marks.get(effect.getKey());
            if (current == null || current.isOlderThan(event.occurredAt(), event.eventId())) {
                boolean wasActive = current != null && current.active();
                marks.put(effect.getKey(), new ConditionMark(effect.getValue(), event.occurredAt(), event.eventId()));
                conditionsChanged |= wasActive != effect.getValue();
            }
        }

        // The first tracking number reported sticks; a seller's own tracking (order.tracking-added) replaces it.
        boolean trackingLearned = before.trackingNumber() == null && event.trackingNumber() != null;
        String carrier = trackingLearned ? event.carrier() : before.carrier();
        String trackingNumber = trackingLearned ? event.trackingNumber() : before.trackingNumber();

        Instant newest = before.newestOccurredAt() == null || event.occurredAt().isAfter(before.newestOccurredAt())
                ? event.occurredAt()
                : before.newestOccurredAt();
        ShipmentState after = new ShipmentState(status, marks, newest, carrier, trackingNumber);
        return new Normalized(after, late, statusAdvanced, conditionsChanged, trackingLearned);
    }
}
