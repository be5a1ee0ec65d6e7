package com.kingstonexpress.fulfillment.tracking.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** What a dispatchment center or a carrier says happened to a parcel (the shared names of the brief). */
public enum FulfillmentEventType {
    PICKED, PACKED, HANDED_TO_CARRIER, IN_TRANSIT, CUSTOMS_HOLD, CUSTOMS_CLEARED, OUT_FOR_DELIVERY,
    DELIVERY_ATTEMPT_FAILED, DELIVERED, RETURNED_TO_SENDER, EXCEPTION;

    /** Unknown names are not an error of the whole batch: the event is rejected with a reason and kept. */
    public static Optional<FulfillmentEventType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The normalized status this event proves the shipment has reached, if any. "PICKED/PACKED move a NEW
     * order to PROCESSING"; HANDED_TO_CARRIER means SHIPPED; OUT_FOR_DELIVERY is still in transit.
     */
    public Optional<ShipmentStatus> reaches() {
        return Optional.ofNullable(switch (this) {
            case PICKED, PACKED -> ShipmentStatus.PROCESSING;
            case HANDED_TO_CARRIER -> ShipmentStatus.SHIPPED;
            case IN_TRANSIT, OUT_FOR_DELIVERY -> ShipmentStatus.IN_TRANSIT;
            case DELIVERED -> ShipmentStatus.DELIVERED;
            case CUSTOMS_HOLD, CUSTOMS_CLEARED, DELIVERY_ATTEMPT_FAILED, RETURNED_TO_SENDER, EXCEPTION -> null;
        });
    }

    /**
     * The conditions this event switches on (true) or off (false). Exceptions are conditions, not statuses;
     * a delivery ends a customs hold, a failed attempt and an exception, but not a return to sender.
     */
    public Map<ShipmentCondition, Boolean> conditionEffects() {
        return switch (this) {
            case CUSTOMS_HOLD -> Map.of(ShipmentCondition.CUSTOMS_HOLD, true);
            case CUSTOMS_CLEARED -> Map.of(ShipmentCondition.CUSTOMS_HOLD, false);
            case DELIVERY_ATTEMPT_FAILED -> Map.of(ShipmentCondition.DELIVERY_ATTEMPT_FAILED, true);
            case EXCEPTION -> Map.of(ShipmentCondition.EXCEPTION, true);
            case RETURNED_TO_SENDER -> Map.of(ShipmentCondition.RETURNED_TO_SENDER, true);
            case DELIVERED -> Map.of(ShipmentCondition.CUSTOMS_HOLD, false, ShipmentCondition.DELIVERY_ATTEMPT_FAILED, false,
                    ShipmentCondition.EXCEPTION, false);
            case PICKED, PACKED, HANDED_TO_CARRIER, IN_TRANSIT, OUT_FOR_DELIVERY -> Map.of();
        };
    }
}
