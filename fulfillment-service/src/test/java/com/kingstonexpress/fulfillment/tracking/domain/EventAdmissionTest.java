package com.kingstonexpress.fulfillment.tracking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventAdmissionTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Instant PLACED = NOW.minus(Duration.ofHours(5));
    private static final OrderFacts KINGSTON = new OrderFacts("o1", "s1", OrderType.KINGSTON_DISPATCHED, "center-a", PLACED);
    private static final OrderFacts SELLER_MANAGED = new OrderFacts("o2", "s1", OrderType.SELLER_MANAGED, null, PLACED);
    private static final EventAdmission ADMISSION = new EventAdmission(Duration.ofMinutes(2));

    static Stream<Arguments> centerEvents() {
        Instant ok = PLACED.plusSeconds(60);
        return Stream.of(
                Arguments.of(KINGSTON, "center-a", "PICKED", ok, null),
                Arguments.of(null, "center-a", "PICKED", ok, Rejection.UNKNOWN_ORDER),
                Arguments.of(SELLER_MANAGED, "center-a", "PICKED", ok, Rejection.SELLER_MANAGED_ORDER),
                Arguments.of(KINGSTON, "center-b", "PICKED", ok, Rejection.NOT_ASSIGNED_TO_CENTER),
                Arguments.of(KINGSTON, "center-a", "picked", ok, Rejection.UNKNOWN_EVENT_TYPE),
                Arguments.of(KINGSTON, "center-a", "PICKED", NOW.plus(Duration.ofMinutes(3)), Rejection.OCCURRED_IN_THE_FUTURE),
                Arguments.of(KINGSTON, "center-a", "PICKED", NOW.plus(Duration.ofMinutes(1)), null),
                Arguments.of(KINGSTON, "center-a", "PICKED", PLACED.minus(Duration.ofMinutes(3)), Rejection.OCCURRED_BEFORE_ORDER_PLACED),
                Arguments.of(KINGSTON, "center-a", "PICKED", PLACED.minus(Duration.ofMinutes(1)), null));
    }

    @ParameterizedTest
    @MethodSource
    void centerEvents(OrderFacts order, String centerId, String type, Instant occurredAt, Rejection expected) {
        assertEquals(Optional.ofNullable(expected), ADMISSION.forCenter(centerId, order, type, occurredAt, NOW));
    }

    static Stream<Arguments> carrierEvents() {
        Instant ok = PLACED.plusSeconds(60);
        return Stream.of(
                Arguments.of(List.of(claim(SELLER_MANAGED, "Royal Parcel", 1)), "DELIVERED", ok, null),
                Arguments.of(List.of(claim(KINGSTON, null, 1)), "IN_TRANSIT", ok, null),
                Arguments.of(List.of(), "DELIVERED", ok, Rejection.UNKNOWN_TRACKING_NUMBER),
                Arguments.of(List.of(claim(KINGSTON, null, 1), claim(SELLER_MANAGED, null, 2)), "DELIVERED", ok, null),
                Arguments.of(List.of(claim(SELLER_MANAGED, "Swift Post", 1)), "DELIVERED", ok,
                        Rejection.TRACKING_OF_ANOTHER_CARRIER),
                Arguments.of(List.of(claim(SELLER_MANAGED, "royal-parcel", 1)), "BEAMED", ok, Rejection.UNKNOWN_EVENT_TYPE),
                Arguments.of(List.of(claim(SELLER_MANAGED, null, 1)), "DELIVERED", NOW.plus(Duration.ofHours(1)),
                        Rejection.OCCURRED_IN_THE_FUTURE));
    }

    private static TrackedOrder claim(OrderFacts order, String carrier, int minute) {
        return new TrackedOrder(order, carrier, PLACED.plus(Duration.ofMinutes(minute)), false, null);
    }

    private static final OrderFacts FIRST = new OrderFacts("a", "s1", OrderType.SELLER_MANAGED, null, PLACED);
    private static final OrderFacts SECOND = new OrderFacts("b", "s2", OrderType.SELLER_MANAGED, null, PLACED);

    @Test
    void theFirstOpenClaimOfTheCarriersNumberOwnsIt() {
        Instant at = PLACED.plus(Duration.ofHours(1));
        TrackedOrder first = claim(FIRST, "Royal Parcel", 1);
        TrackedOrder second = claim(SECOND, "royal-parcel", 2);
        assertEquals(Optional.of(first), EventAdmission.owner("royal-parcel", List.of(second, first), at));
        // Another carrier's claim of the same number is another parcel; a claim naming no carrier yields to a named one.
        TrackedOrder swift = claim(FIRST, "Swift Post", 0);
        TrackedOrder unnamed = claim(FIRST, null, 0);
        assertEquals(Optional.of(second), EventAdmission.owner("royal-parcel", List.of(swift, unnamed, second), at));
        assertEquals(Optional.empty(), EventAdmission.owner("royal-parcel", List.of(swift), at));
    }

    @Test
    void aDeliveredClaimKeepsWhatHappenedUntilItsLastScan() {
        Instant delivered = PLACED.plus(Duration.ofHours(1));
        TrackedOrder old = new TrackedOrder(FIRST, "Royal Parcel", PLACED, true, delivered);
        TrackedOrder reuse = claim(SECOND, "Royal Parcel", 90);
        assertEquals(Optional.of(old), EventAdmission.owner("royal-parcel", List.of(reuse, old), delivered));
        assertEquals(Optional.of(reuse), EventAdmission.owner("royal-parcel", List.of(reuse, old), delivered.plusSeconds(1)));
        // Every claim delivered: a later scan goes to the last one.
        TrackedOrder reuseDone = new TrackedOrder(SECOND, "Royal Parcel", PLACED.plus(Duration.ofMinutes(90)), true,
                delivered.plusSeconds(60));
        assertEquals(Optional.of(reuseDone), EventAdmission.owner("royal-parcel", List.of(old, reuseDone), delivered.plusSeconds(120)));
    }

    @ParameterizedTest
    @MethodSource
    void carrierEvents(List<TrackedOrder> matches, String type, Instant occurredAt, Rejection expected) {
        assertEquals(Optional.ofNullable(expected), ADMISSION.forCarrier("royal-parcel", matches, type, occurredAt, NOW));
    }
}
