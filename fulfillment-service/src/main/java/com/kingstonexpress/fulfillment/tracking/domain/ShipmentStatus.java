package com.kingstonexpress.fulfillment.tracking.domain;

/**
 * The normalized status of a shipment, in lifecycle order: a later constant is further along. It never
 * moves backwards ("a late event never moves an order backwards"). CANCELLED belongs to the order, not
 * to the parcel, and is decided by order-service.
 */
public enum ShipmentStatus {
    NEW, PROCESSING, SHIPPED, IN_TRANSIT, DELIVERED;

    public boolean isBeyond(ShipmentStatus other) {
        return compareTo(other) > 0;
    }
}
