package com.kingstonexpress.fulfillment.tracking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusNormalizerTest {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    static Stream<Arguments> eachEventTypeOnAFreshShipment() {
        return Stream.of(
                Arguments.of(FulfillmentEventType.PICKED, ShipmentStatus.PROCESSING, Set.of(), true),
                Arguments.of(FulfillmentEventType.PACKED, ShipmentStatus.PROCESSING, Set.of(), true),
                Arguments.of(FulfillmentEventType.HANDED_TO_CARRIER, ShipmentStatus.SHIPPED, Set.of(), true),
                Arguments.of(FulfillmentEventType.IN_TRANSIT, ShipmentStatus.IN_TRANSIT, Set.of(), true),
                Arguments.of(FulfillmentEventType.OUT_FOR_DELIVERY, ShipmentStatus.IN_TRANSIT, Set.of(), true),
                Arguments.of(FulfillmentEventType.DELIVERED, ShipmentStatus.DELIVERED, Set.of(), true),
                Arguments.of(FulfillmentEventType.CUSTOMS_HOLD, ShipmentStatus.NEW, Set.of(ShipmentCondition.CUSTOMS_HOLD), true),
                Arguments.of(FulfillmentEventType.CUSTOMS_CLEARED, ShipmentStatus.NEW, Set.of(), false),
                Arguments.of(FulfillmentEventType.DELIVERY_ATTEMPT_FAILED, ShipmentStatus.NEW,
                        Set.of(ShipmentCondition.DELIVERY_ATTEMPT_FAILED), true),
                Arguments.of(FulfillmentEventType.EXCEPTION, ShipmentStatus.NEW, Set.of(ShipmentCondition.EXCEPTION), true),
                Arguments.of(FulfillmentEventType.RETURNED_TO_SENDER, ShipmentStatus.NEW,
                        Set.of(ShipmentCondition.RETURNED_TO_SENDER), true));
    }

    @ParameterizedTest
    @MethodSource
    void eachEventTypeOnAFreshShipment(FulfillmentEventType type, ShipmentStatus status, Set<ShipmentCondition> conditions,
            boolean reportable) {
        Normalized n = StatusNormalizer.apply(ShipmentState.fresh(), update("e1", type, T0));
        assertEquals(status, n.after().status());
        assertEquals(conditions, n.after().activeConditions());
        assertEquals(reportable, n.reportable());
        assertFalse(n.late());
    }

    @Test
    void aSecondEventOfTheSameStatusIsKeptButNotReported() {
        ShipmentState picked = StatusNormalizer.apply(ShipmentState.fresh(), update("e1", FulfillmentEventType.PICKED, T0)).after();
        Normalized packed = StatusNormalizer.apply(picked, update("e2", FulfillmentEventType.PACKED, T0.plusSeconds(60)));
        assertEquals(ShipmentStatus.PROCESSING, packed.after().status());
        assertFalse(packed.reportable());
    }

    @Test
    void aLateEventNeverMovesTheStatusBackwardsAndIsMarkedLate() {
        ShipmentState inTransit = StatusNormalizer.apply(ShipmentState.fresh(),
                update("e3", FulfillmentEventType.IN_TRANSIT, T0.plusSeconds(300))).after();
        Normalized picked = StatusNormalizer.apply(inTransit, update("e1", FulfillmentEventType.PICKED, T0));
        assertTrue(picked.late());
        assertEquals(ShipmentStatus.IN_TRANSIT, picked.after().status());
        assertFalse(picked.reportable());
        assertEquals(T0.plusSeconds(300), picked.after().newestOccurredAt());
    }

    @Test
    void aLateEventThatStillAdvancesIsReportedAsLate() {
        ShipmentState held = StatusNormalizer.apply(
                StatusNormalizer.apply(ShipmentState.fresh(), update("e1", FulfillmentEventType.HANDED_TO_CARRIER, T0)).after(),
                update("e3", FulfillmentEventType.CUSTOMS_HOLD, T0.plusSeconds(600))).after();
        Normalized inTransit = StatusNormalizer.apply(held, update("e2", FulfillmentEventType.IN_TRANSIT, T0.plusSeconds(300)));
        assertTrue(inTransit.late());
        assertTrue(inTransit.statusAdvanced());
        assertEquals(ShipmentStatus.IN_TRANSIT, inTransit.after().status());
        assertEquals(Set.of(ShipmentCondition.CUSTOMS_HOLD), inTransit.after().activeConditions());
    }

    @Test
    void aConditionFollowsItsLatestEventWhateverTheArrivalOrder() {
        ShipmentState cleared = StatusNormalizer.apply(ShipmentState.fresh(),
                update("e2", FulfillmentEventType.CUSTOMS_CLEARED, T0.plusSeconds(60))).after();
        Normalized lateHold = StatusNormalizer.apply(cleared, update("e1", FulfillmentEventType.CUSTOMS_HOLD, T0));
        assertEquals(Set.of(), lateHold.after().activeConditions(), "the hold was already over");
        assertFalse(lateHold.reportable());

        Normalized newHold = StatusNormalizer.apply(lateHold.after(),
                update("e3", FulfillmentEventType.CUSTOMS_HOLD, T0.plusSeconds(120)));
        assertEquals(Set.of(ShipmentCondition.CUSTOMS_HOLD), newHold.after().activeConditions());
        assertTrue(newHold.conditionsChanged());
    }

    @Test
    void deliveryEndsAHoldAFailedAttemptAndAnExceptionButNotAReturn() {
        ShipmentState state = ShipmentState.fresh();
        for (FulfillmentEventType type : new FulfillmentEventType[] { FulfillmentEventType.CUSTOMS_HOLD,
                FulfillmentEventType.DELIVERY_ATTEMPT_FAILED, FulfillmentEventType.EXCEPTION,
                FulfillmentEventType.RETURNED_TO_SENDER }) {
            state = StatusNormalizer.apply(state, update("e-" + type, type, T0)).after();
        }
        Normalized delivered = StatusNormalizer.apply(state, update("e-d", FulfillmentEventType.DELIVERED, T0.plusSeconds(60)));
        assertEquals(Set.of(ShipmentCondition.RETURNED_TO_SENDER), delivered.after().activeConditions());
        assertTrue(delivered.conditionsChanged());
    }

    @Test
    void theFirstTrackingReportedIsLearnedAndReported() {
        ShipmentState delivered = StatusNormalizer.apply(ShipmentState.fresh(),
                update("e5", FulfillmentEventType.DELIVERED, T0.plusSeconds(900))).after();
        Normalized handed = StatusNormalizer.apply(delivered, new TrackingUpdate("e3", FulfillmentEventType.HANDED_TO_CARRIER,
                T0, "royal-parcel", "RP123"));
        assertTrue(handed.late());
        assertTrue(handed.trackingLearned());
        assertTrue(handed.reportable(), "order-service learns the tracking even from a late hand-over");
        assertEquals("RP123", handed.after().trackingNumber());

        Normalized another = StatusNormalizer.apply(handed.after(), new TrackingUpdate("e4",
                FulfillmentEventType.IN_TRANSIT, T0.plusSeconds(60), "royal-parcel", "RP999"));
        assertEquals("RP123", another.after().trackingNumber());
        assertFalse(another.reportable());
    }

    static TrackingUpdate update(String eventId, FulfillmentEventType type, Instant at) {
        return new TrackingUpdate(eventId, type, at, null, null);
    }
}
