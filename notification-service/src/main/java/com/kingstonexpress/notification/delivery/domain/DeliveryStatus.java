package com.kingstonexpress.notification.delivery.domain;

/**
 * PENDING (due at its next attempt time) -> IN_FLIGHT (claimed, under a lease) -> DELIVERED, or back to
 * PENDING after a failure, or FAILED (parked: out of retries; the seller may replay it). CANCELLED when
 * its subscription is deleted before it went out.
 */
public enum DeliveryStatus {
    PENDING, IN_FLIGHT, DELIVERED, FAILED, CANCELLED
}
