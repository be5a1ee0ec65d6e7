package com.kingstonexpress.fulfillment.tracking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a reported event may be applied to a shipment. A refusal is an answer, not an exception:
 * the caller keeps the event for audit with the reason and never applies it.
 */
public final class EventAdmission {

    private final Duration clockSkew;

    /** @param clockSkew how far a sender's clock may differ from ours before a time counts as impossible */
    public EventAdmission(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    /**
     * "Center events apply only to Kingston-dispatched orders assigned to that center."
     *
     * @param order the order the event names, or null when this service has not learned of it (yet)
     */
    public Optional<Rejection> forCenter(String centerId, OrderFacts order, String type, Instant occurredAt, Instant now) {
        if (order == null) {
            return Optional.of(Rejection.UNKNOWN_ORDER);
        }
        if (order.type() == OrderType.SELLER_MANAGED) {
            return Optional.of(Rejection.SELLER_MANAGED_ORDER);
        }
        if (!centerId.equals(order.fulfillmentCenterId())) {
            return Optional.of(Rejection.NOT_ASSIGNED_TO_CENTER);
        }
        return common(order, type, occurredAt, now);
    }

    /**
     * "Carrier events apply to both types." A carrier reports by tracking number; the number must name exactly
     * one order, and if that order's tracking names a carrier, it must be this one.
     */
    public Optional<Rejection> forCarrier(String carrierCode, List<TrackedOrder> matches, String type, Instant occurredAt,
            Instant now) {
        if (matches.isEmpty()) {
            return Optional.of(Rejection.UNKNOWN_TRACKING_NUMBER);
        }
        if (matches.size() > 1) {
            return Optional.of(Rejection.AMBIGUOUS_TRACKING_NUMBER);
        }
        TrackedOrder tracked = matches.get(0);
        if (tracked.carrier() != null && !carrierCode(tracked.carrier()).equals(carrierCode(carrierCode))) {
            return Optional.of(Rejection.TRACKING_OF_ANOTHER_CARRIER);
        }
        return common(tracked.order(), type, occurredAt, now);
    }

    private Optional<Rejection> common(OrderFacts order, String type, Instant occurredAt, Instant now) {
        if (FulfillmentEventType.named(type).isEmpty()) {
            return Optional.of(Rejection.UNKNOWN_EVENT_TYPE);
        }
        if (occurredAt.isAfter(now.plus(clockSkew))) {
            return Optional.of(Rejection.OCCURRED_IN_THE_FUTURE);
        }
        if (occurredAt.isBefore(order.placedAt().minus(clockSkew))) {
            return Optional.of(Rejection.OCCURRED_BEFORE_ORDER_PLACED);
        }
        return Optional.empty();
    }

    /**
     * Sellers type carrier names ("Royal Parcel") where carriers authenticate with codes ("royal-parcel"):
     * both are compared in the code form (lower case, words joined by '-').
     */
    public static String carrierCode(String carrierName) {
        return carrierName.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
    }
}
