package com.kingstonexpress.fulfillment.tracking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
                Arguments.of(List.of(new TrackedOrder(SELLER_MANAGED, "Royal Parcel")), "DELIVERED", ok, null),
                Arguments.of(List.of(new TrackedOrder(KINGSTON, null)), "IN_TRANSIT", ok, null),
                Arguments.of(List.of(), "DELIVERED", ok, Rejection.UNKNOWN_TRACKING_NUMBER),
                Arguments.of(List.of(new TrackedOrder(KINGSTON, null), new TrackedOrder(SELLER_MANAGED, null)), "DELIVERED", ok,
                        Rejection.AMBIGUOUS_TRACKING_NUMBER),
                Arguments.of(List.of(new TrackedOrder(SELLER_MANAGED, "Swift Post")), "DELIVERED", ok,
                        Rejection.TRACKING_OF_ANOTHER_CARRIER),
                Arguments.of(List.of(new TrackedOrder(SELLER_MANAGED, "royal-parcel")), "BEAMED", ok, Rejection.UNKNOWN_EVENT_TYPE),
                Arguments.of(List.of(new TrackedOrder(SELLER_MANAGED, null)), "DELIVERED", NOW.plus(Duration.ofHours(1)),
                        Rejection.OCCURRED_IN_THE_FUTURE));
    }

    @ParameterizedTest
    @MethodSource
    void carrierEvents(List<TrackedOrder> matches, String type, Instant occurredAt, Rejection expected) {
        assertEquals(Optional.ofNullable(expected), ADMISSION.forCarrier("royal-parcel", matches, type, occurredAt, NOW));
    }
}
