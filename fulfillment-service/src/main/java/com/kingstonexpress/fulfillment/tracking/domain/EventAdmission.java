package com.kingstonexpress.fulfillment.tracking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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
     * "Carrier events apply to both types." A carrier reports by tracking number, which is unique only per carrier:
     * the event goes to the order {@link #owner} picks among the claims of this carrier's number.
     *
     * @param claims every order whose shipment has the event's tracking number, whatever its carrier
     */
    public Optional<Rejection> forCarrier(String carrierCode, List<TrackedOrder> claims, String type, Instant occurredAt,
            Instant now) {
        if (claims.isEmpty()) {
            return Optional.of(Rejection.UNKNOWN_TRACKING_NUMBER);
        }
        Optional<TrackedOrder> owner = owner(carrierCode, claims, occurredAt);
        if (owner.isEmpty()) {
            return Optional.of(Rejection.TRACKING_OF_ANOTHER_CARRIER);
        }
        return common(owner.get().order(), type, occurredAt, now);
    }

    /**
     * The order a carrier's event belongs to. Claims that name this carrier (as a code) come first; claims that name
     * no carrier count only when none does. Among them, in the order they were made, the first that is still open
     * (not delivered) owns the number: a later claim, by a seller or by a center's hand-over, never takes it over.
     * A claim whose parcel was delivered has released the number, but keeps what happened until its newest scan:
     * a reused number never lends the old parcel's scans (its DELIVERED above all) to the new claimant. An event after
     * every claim was delivered goes to the last one.
     *
     * @return empty when no claim is for this carrier (or for none)
     */
    public static Optional<TrackedOrder> owner(String carrierCode, List<TrackedOrder> claims, Instant occurredAt) {
        String code = carrierCode(carrierCode);
        List<TrackedOrder> named = claims.stream().filter(c -> c.carrier() != null && carrierCode(c.carrier()).equals(code)).toList();
        List<TrackedOrder> candidates = named.isEmpty() ? claims.stream().filter(c -> c.carrier() == null).toList() : named;
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<TrackedOrder> inClaimOrder = candidates.stream()
                .sorted(Comparator.comparing(TrackedOrder::claimedAt).thenComparing(c -> c.order().orderId()))
                .toList();
        for (TrackedOrder claim : inClaimOrder) {
            if (!claim.delivered() || claim.newestOccurredAt() == null || !occurredAt.isAfter(claim.newestOccurredAt())) {
                return Optional.of(claim);
            }
        }
        return Optional.of(inClaimOrder.get(inClaimOrder.size() - 1));
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
